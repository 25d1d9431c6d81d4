"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { describeApiError } from "@/components/i18n/describe-api-error";
import { useLocale, useMessages } from "@/components/i18n/locale-provider";
import { refreshQueueCounts } from "@/components/query-cache/team-cache";
import { teamMessages } from "./messages";
import { snoozePresets } from "./snooze-presets";
import { useBulkAction, type BulkAction } from "./use-team";

const buttonClass =
  "min-h-11 rounded-md bg-white px-2 text-sm text-slate-900 ring-1 ring-slate-300 hover:bg-slate-100 disabled:opacity-50 md:min-h-8 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-700";

/**
 * Actions on the chats selected in the list (POST chats/bulk: each chat checked against the account and the rules
 * of the single actions): assign to me, resolve, snooze for an hour, mark read. The server publishes every change;
 * the bar says how many were done and why the others were refused (in the page's language). It stays at the top of
 * the list while the list scrolls, so it is in sight wherever the chats were selected.
 */
export function BulkBar({ accountId, userId, chatIds, onDone }: { accountId: string; userId: string; chatIds: string[]; onDone: () => void }) {
  const t = useMessages(teamMessages);
  const locale = useLocale();
  const queryClient = useQueryClient();
  const bulk = useBulkAction(accountId);
  const [report, setReport] = useState<string | null>(null);

  const run = (action: BulkAction) => {
    setReport(null);
    bulk.mutate(action, {
      onSuccess: ({ results }) => {
        const refused = results.filter((result) => !result.ok);
        // In the page's language, from each refusal's code (its parameters travel beside it).
        const reasons = [...new Set(refused.map((result) => describeApiError(locale, { code: result.error?.code, params: result.error })))].join(" ");
        setReport(`${t.bulkDone(results.length - refused.length, refused.length)}${reasons ? `: ${reasons}` : ""}`);
        if (refused.length === 0) onDone();
      },
      onError: (error) => setReport(`${t.actionFailed} ${describeApiError(locale, error)}`),
      onSettled: () => void refreshQueueCounts(queryClient, accountId),
    });
  };

  return (
    <div role="region" aria-label={t.bulkActions} data-testid="bulk-bar" className="sticky top-0 z-10 space-y-1 border-b border-slate-200 bg-blue-50 px-3 py-2">
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="mr-1 text-sm font-medium" aria-live="polite">
          {t.selected(chatIds.length)}
        </span>
        <button type="button" className={buttonClass} disabled={bulk.isPending} onClick={() => run({ action: "assign", chatIds, assigneeId: userId })}>
          {t.bulkAssignMe}
        </button>
        <button type="button" className={buttonClass} disabled={bulk.isPending} onClick={() => run({ action: "resolve", chatIds })}>
          {t.bulkResolve}
        </button>
        <button
          type="button"
          className={buttonClass}
          disabled={bulk.isPending}
          onClick={() => run({ action: "snooze", chatIds, snoozedUntil: snoozePresets().fourHours.toISOString() })}
        >
          {t.bulkSnooze}
        </button>
        <button type="button" className={buttonClass} disabled={bulk.isPending} onClick={() => run({ action: "read", chatIds })}>
          {t.bulkRead}
        </button>
        <button type="button" className={buttonClass} onClick={onDone}>
          {t.bulkClear}
        </button>
      </div>
      {/* Always there, so a screen reader hears the outcome when it appears. */}
      <p role="status" className="text-sm text-slate-800 empty:hidden">
        {report}
      </p>
    </div>
  );
}
