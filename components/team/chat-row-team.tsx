"use client";

import { useMessages } from "@/components/i18n/locale-provider";
import type { ChatView } from "@/lib/cache/chat-view";
import { formatWait } from "./format-wait";
import { teamMessages } from "./messages";
import { useAccountAgents } from "./use-team";

/**
 * In a chat list row: how long the buyer has waited (when a reply is owed), or why nobody can answer any more (the
 * reply window closed: such a chat has left Needs reply), and who owns the chat.
 */
export function ChatRowTeam({ accountId, chat }: { accountId: string; chat: ChatView }) {
  const t = useMessages(teamMessages);
  const agents = useAccountAgents(accountId).data?.agents;
  const owner = chat.assigneeId ? (agents?.find((agent) => agent.id === chat.assigneeId)?.name ?? t.someoneElse) : null;
  const awaits = chat.awaitingSince !== null && chat.workStatus === "OPEN";
  const waiting = awaits && chat.replyState.canReply ? formatWait(t, chat.awaitingSince!) : null;
  const missed = awaits && !chat.replyState.canReply ? t.windowClosed(chat.replyState.reason) : null;
  if (!owner && !waiting && !missed && chat.workStatus !== "SNOOZED" && chat.workStatus !== "RESOLVED") return null;
  return (
    <span className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs">
      {waiting && (
        <span data-testid="row-waiting" className="rounded bg-amber-100 px-1.5 text-amber-950" title={t.awaitingBadge(waiting)}>
          {t.waitingFor(waiting)}
        </span>
      )}
      {missed && (
        <span data-testid="row-window-closed" className="rounded bg-slate-200 px-1.5 text-slate-800">
          {missed}
        </span>
      )}
      {chat.workStatus === "SNOOZED" && <span className="rounded bg-violet-100 px-1.5 text-violet-950">{t.statusSNOOZED}</span>}
      {chat.workStatus === "RESOLVED" && <span className="rounded bg-emerald-100 px-1.5 text-emerald-950">{t.statusRESOLVED}</span>}
      {owner && (
        <span data-testid="row-owner" className="truncate text-slate-700">
          {t.ownerLabel(owner)}
        </span>
      )}
    </span>
  );
}
