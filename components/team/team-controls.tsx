"use client";

import { useId, useRef, useState } from "react";
import { describeApiError } from "@/components/i18n/describe-api-error";
import { formatDate, formatTime } from "@/components/i18n/format";
import { useLocale, useMessages } from "@/components/i18n/locale-provider";
import type { ChatView } from "@/lib/cache/chat-view";
import { teamMessages } from "./messages";
import { snoozePresets, toLocalInputValue } from "./snooze-presets";
import { useAccountAgents, useTeamAction } from "./use-team";

const buttonClass =
  "min-h-11 whitespace-nowrap rounded-md bg-white px-2.5 text-sm text-slate-800 ring-1 ring-slate-300 hover:bg-slate-100 md:min-h-8 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-700 disabled:opacity-60";

/**
 * Under the thread's header: the chat's owner (assign to anyone of the account, take, unassign) and our status
 * (resolve, reopen, snooze with presets or a time). The server applies the rules (only the owner or an administrator
 * reassigns someone else's chat) and its refusal is shown as it comes. Keys (useTeamKeys): i, e, s.
 */
export function TeamControls({ accountId, chat, userId, snoozeRef }: { accountId: string; chat: ChatView; userId: string; snoozeRef?: React.RefObject<HTMLDetailsElement | null> }) {
  const t = useMessages(teamMessages);
  const locale = useLocale();
  const agents = useAccountAgents(accountId).data?.agents ?? [];
  const action = useTeamAction(accountId);
  const ownerId = useId();
  const untilId = useId();
  const [until, setUntil] = useState("");
  const localSnooze = useRef<HTMLDetailsElement>(null);
  const snooze = snoozeRef ?? localSnooze;
  const presets = snoozePresets();

  const assign = (assigneeId: string | null) => action.mutate({ kind: "assign", chatId: chat.id, assigneeId });
  const setStatus = (status: "OPEN" | "RESOLVED") => action.mutate({ kind: "status", chatId: chat.id, status });
  const snoozeUntil = (date: Date) => {
    action.mutate({ kind: "status", chatId: chat.id, status: "SNOOZED", snoozedUntil: date.toISOString() });
    if (snooze.current) snooze.current.open = false;
  };
  const statusText =
    chat.workStatus === "SNOOZED" && chat.snoozedUntil
      ? t.snoozedUntil(`${formatDate(locale, chat.snoozedUntil)} ${formatTime(locale, chat.snoozedUntil)}`)
      : t[`status${chat.workStatus}`];
  const ownerKnown = chat.assigneeId === null || agents.some((agent) => agent.id === chat.assigneeId);

  return (
    <div data-testid="team-controls" className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-2 py-1.5 md:px-4">
      <label htmlFor={ownerId} className="text-sm text-slate-700">
        {t.owner}
      </label>
      <select
        id={ownerId}
        data-testid="owner-select"
        value={chat.assigneeId ?? ""}
        onChange={(event) => assign(event.target.value === "" ? null : event.target.value)}
        disabled={action.isPending}
        className="min-h-11 max-w-[12rem] rounded-md border border-slate-300 bg-white px-2 text-sm md:min-h-8"
      >
        <option value="">{t.ownerNone}</option>
        {!ownerKnown && <option value={chat.assigneeId!}>{t.someoneElse}</option>}
        {agents.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.id === userId ? `${agent.name} (${t.you})` : agent.name}
          </option>
        ))}
      </select>
      {chat.assigneeId !== userId && (
        <button type="button" className={buttonClass} aria-keyshortcuts="i" disabled={action.isPending} onClick={() => assign(userId)}>
          {t.takeIt}
        </button>
      )}
      <span data-testid="work-status" className="ml-auto text-sm text-slate-800">
        {statusText}
      </span>
      {chat.workStatus === "RESOLVED" || chat.workStatus === "SNOOZED" ? (
        <button type="button" className={buttonClass} disabled={action.isPending} onClick={() => setStatus("OPEN")}>
          {t.reopen}
        </button>
      ) : (
        <button type="button" className={buttonClass} aria-keyshortcuts="e" disabled={action.isPending} onClick={() => setStatus("RESOLVED")}>
          {t.resolve}
        </button>
      )}
      <details ref={snooze} className="relative">
        <summary aria-keyshortcuts="s" className={`${buttonClass} flex cursor-pointer list-none items-center`}>
          {t.snooze}
        </summary>
        <div className="absolute right-0 z-20 mt-1 w-64 space-y-1 rounded-md border border-slate-300 bg-white p-2 shadow-lg">
          {(
            [
              [t.snoozeOneHour, presets.oneHour],
              [t.snoozeFourHours, presets.fourHours],
              [t.snoozeTomorrow, presets.tomorrow],
              [t.snoozeNextWeek, presets.nextWeek],
            ] as const
          ).map(([label, date]) => (
            <button key={label} type="button" className={`${buttonClass} w-full text-left`} onClick={() => snoozeUntil(date)}>
              {label}
            </button>
          ))}
          <form
            className="space-y-1 pt-1"
            onSubmit={(event) => {
              event.preventDefault();
              if (until) snoozeUntil(new Date(until));
            }}
          >
            <label htmlFor={untilId} className="block text-xs text-slate-700">
              {t.snoozeUntilLabel}
            </label>
            <input
              id={untilId}
              data-testid="snooze-until"
              type="datetime-local"
              min={toLocalInputValue(new Date())}
              value={until}
              onChange={(event) => setUntil(event.target.value)}
              className="min-h-11 w-full rounded-md border border-slate-300 px-2 text-sm md:min-h-8"
            />
            <button type="submit" className={`${buttonClass} w-full`} disabled={!until}>
              {t.snoozeApply}
            </button>
          </form>
        </div>
      </details>
      {action.isError && (
        <p role="alert" className="w-full text-sm text-red-800">
          {t.actionFailed} {describeApiError(locale, action.error)}
        </p>
      )}
    </div>
  );
}
