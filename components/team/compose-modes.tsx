"use client";

import { useState, type ReactNode } from "react";
import { useMessages } from "@/components/i18n/locale-provider";
import { ToggleGroup } from "@/components/inbox/toggle-group";
import { teamMessages } from "./messages";
import { NoteComposer } from "./note-composer";

/**
 * The composer area: a reply to the buyer (the composer given as children; typing in it calls `onTyping`, for the
 * other agents' "typing…") or a private note for the team.
 */
export function ComposeModes({ accountId, chatId, onTyping, children }: { accountId: string; chatId: string; onTyping?: () => void; children: ReactNode }) {
  const t = useMessages(teamMessages);
  const [mode, setMode] = useState<"reply" | "note">("reply");
  return (
    <div className="shrink-0">
      <div className={`border-t px-2 pt-1.5 md:px-3 ${mode === "note" ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}>
        <ToggleGroup
          label={t.composeMode}
          value={mode}
          onChange={setMode}
          options={[
            { value: "reply", label: t.replyMode },
            { value: "note", label: t.noteMode },
          ]}
        />
      </div>
      {mode === "note" ? <NoteComposer accountId={accountId} chatId={chatId} /> : <div onInput={onTyping}>{children}</div>}
    </div>
  );
}
