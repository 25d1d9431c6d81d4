"use client";

import { useMessages } from "@/components/i18n/locale-provider";
import type { InboxView as ListView } from "@/lib/team/inbox-choices";
import { formatQueueCount } from "./format-queue-count";
import { teamMessages } from "./messages";
import { useQueueCounts, type RenderedQueueCounts } from "./use-team";

/** The team's views of the account with their live counts (one request for all), above the chat list. */
export function QueueViewTabs({
  accountId,
  value,
  onChange,
  renderedCounts,
}: {
  accountId: string;
  value: ListView;
  onChange: (view: ListView) => void;
  renderedCounts?: RenderedQueueCounts | null;
}) {
  const t = useMessages(teamMessages);
  const counts = useQueueCounts(accountId, renderedCounts).data;
  const count = (n: number | undefined) => (counts && n !== undefined ? formatQueueCount(n, counts.cap) : undefined);
  const options: { value: ListView; label: string; count?: string }[] = [
    { value: "needs_reply", label: t.viewNeedsReply, count: count(counts?.needsReply) },
    { value: "mine", label: t.viewMine, count: count(counts?.mine) },
    { value: "unassigned", label: t.viewUnassigned, count: count(counts?.unassigned) },
    { value: "all", label: t.viewAll },
  ];
  return (
    <div role="group" aria-label={t.views} className="flex flex-wrap gap-1" data-testid="queue-views">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={option.value === value}
          data-view={option.value}
          onClick={() => onChange(option.value)}
          className={`flex min-h-11 items-center gap-1.5 whitespace-nowrap rounded-md px-2 text-sm md:min-h-8 md:px-2.5 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-700 ${
            option.value === value ? "bg-slate-900 text-white" : "bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-100"
          }`}
        >
          {option.label}
          {option.count !== undefined && (
            <span data-testid={`count-${option.value}`} className={`rounded-full px-1.5 text-xs tabular-nums ${option.value === value ? "bg-white/20" : "bg-slate-200"}`}>
              {option.count}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
