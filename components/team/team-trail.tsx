"use client";

import { formatDate, formatTime } from "@/components/i18n/format";
import { useLocale, useMessages } from "@/components/i18n/locale-provider";
import type { ActivityView } from "@/lib/cache/activity-view";
import { teamMessages, type TeamStrings } from "./messages";
import { useAccountAgents, useChatActivities } from "./use-team";

function describe(t: TeamStrings, line: ActivityView, nameOf: (id: string | null) => string): string {
  const who = line.actor?.name ?? t.actSystem;
  if (line.kind === "assigned" && line.automatic) return t.actAutoAssigned(nameOf(line.assigneeId));
  if (line.kind === "assigned") return line.actor && line.assigneeId === line.actor.id ? t.actTook(who) : t.actAssigned(who, nameOf(line.assigneeId));
  if (line.kind === "unassigned") return t.actUnassigned(who);
  if (line.kind === "note") return t.actNote(who);
  return t.actStatus(who, line.status ? t[`status${line.status}`] : "");
}

/**
 * The chat's team trail in the thread: private notes (yellow, "Private note", never sent to Ozon) and one-line
 * records of who assigned, resolved or snoozed the chat and when. Lines arrive live from the other agents' tabs.
 */
export function TeamTrail({ accountId, chatId }: { accountId: string; chatId: string }) {
  const t = useMessages(teamMessages);
  const locale = useLocale();
  const lines = useChatActivities(accountId, chatId).data?.activities ?? [];
  const agents = useAccountAgents(accountId).data?.agents ?? [];
  const nameOf = (id: string | null) => agents.find((agent) => agent.id === id)?.name ?? t.someoneElse;
  if (lines.length === 0) return null;
  return (
    <section aria-label={t.trail} data-testid="team-trail" className="space-y-1.5 border-t border-dashed border-slate-300 pt-2">
      <h3 className="text-center text-xs font-medium text-slate-700">{t.trail}</h3>
      {lines.map((line) => {
        const when = `${formatDate(locale, line.createdAt)} ${formatTime(locale, line.createdAt)}`;
        return line.kind === "note" ? (
          <article key={line.id} data-testid="team-note" className="mx-auto max-w-prose rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            <p className="text-xs font-semibold">
              {t.noteMode} · {line.actor?.name ?? t.actSystem} · <time dateTime={line.createdAt}>{when}</time>
            </p>
            <p className="whitespace-pre-wrap break-words">{line.text}</p>
            {line.mentions.length > 0 && <p className="text-xs">@ {line.mentions.map(nameOf).join(", ")}</p>}
          </article>
        ) : (
          <p key={line.id} data-testid="team-activity" className="text-center text-xs text-slate-700">
            {describe(t, line, nameOf)} · <time dateTime={line.createdAt}>{when}</time>
          </p>
        );
      })}
    </section>
  );
}
