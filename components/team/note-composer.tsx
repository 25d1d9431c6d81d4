"use client";

import { useId, useState } from "react";
import { describeApiError } from "@/components/i18n/describe-api-error";
import { useLocale, useMessages } from "@/components/i18n/locale-provider";
import { teamMessages } from "./messages";
import { useAccountAgents, useTeamAction } from "./use-team";

/**
 * The composer's "Private note" mode: yellow and labelled so it cannot be mistaken for a reply; the note goes to the
 * team's trail, never to Ozon. "@Name" mentions (the names offered below) notify those agents.
 */
export function NoteComposer({ accountId, chatId }: { accountId: string; chatId: string }) {
  const t = useMessages(teamMessages);
  const locale = useLocale();
  const [text, setText] = useState("");
  const action = useTeamAction(accountId);
  const agents = useAccountAgents(accountId).data?.agents ?? [];
  const id = useId();
  const submit = () => {
    if (text.trim() === "" || action.isPending) return;
    action.mutate({ kind: "note", chatId, text }, { onSuccess: () => setText("") });
  };
  return (
    <form
      data-testid="note-composer"
      className="space-y-1 border-t border-amber-300 bg-amber-50 p-2 md:p-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={id} className="block text-sm font-semibold text-amber-950">
        {t.noteLabel}
      </label>
      <textarea
        id={id}
        value={text}
        rows={3}
        placeholder={t.notePlaceholder}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            submit();
          }
        }}
        className="w-full rounded-md border border-amber-400 bg-white p-2 text-sm"
      />
      <div className="flex flex-wrap items-center gap-2">
        {agents.length > 0 && <p className="min-w-0 flex-1 truncate text-xs text-amber-950">{t.mentionHint(agents.map((agent) => `@${agent.name}`).join(", "))}</p>}
        <button
          type="submit"
          disabled={text.trim() === "" || action.isPending}
          className="ml-auto min-h-11 rounded-md bg-amber-700 px-3 text-sm font-semibold text-white hover:bg-amber-800 disabled:opacity-60 md:min-h-8"
        >
          {action.isPending ? t.noteSaving : t.addNote}
        </button>
      </div>
      {action.isError && (
        <p role="alert" className="text-sm text-red-800">
          {t.actionFailed} {describeApiError(locale, action.error)}
        </p>
      )}
    </form>
  );
}
