"use client";

import { useId, useState } from "react";
import { MESSAGE_TEXT_MAX_CHARS, countCodePoints } from "@/lib/ozon/validate-message-text";
import { AttachFileButton } from "./attach-file-button";
import type { InboxStrings } from "./messages";
import { OtherReplyNotice } from "./other-reply-notice";
import { useDraft } from "./use-draft";

export type OtherReply = { author: string | null; text: string };

type ComposerProps = {
  t: InboxStrings;
  accountId: string;
  chatId: string;
  /** Why Ozon will not take a message here (closed chat, closed window), when the app knows. */
  blockedReason: string | null;
  /** A reply from someone else since this chat was opened: sending needs a confirmation. */
  otherReply: OtherReply | null;
  onAcknowledgeOtherReply: () => void;
  onSend: (text: string) => void;
  onSendFile: (name: string, base64: string) => void;
};

/** The answer box: a draft per chat, a live count of characters, the reason Send is off, Ctrl/⌘+Enter. */
export function Composer({ t, accountId, chatId, blockedReason, otherReply, onAcknowledgeOtherReply, onSend, onSendFile }: ComposerProps) {
  const [text, setText] = useDraft(accountId, chatId);
  const [confirming, setConfirming] = useState(false);
  const ids = { text: useId(), reason: useId(), hint: useId(), counter: useId(), blocked: useId() };
  const length = countCodePoints(text);
  const reason = blockedReason ? null : text.trim() === "" ? t.reasonBlank : length > MESSAGE_TEXT_MAX_CHARS ? t.reasonTooLong(length, MESSAGE_TEXT_MAX_CHARS) : null;
  const canSend = !blockedReason && reason === null;

  function send(confirmed: boolean) {
    if (!canSend) return;
    if (otherReply && !confirmed) {
      setConfirming(true);
      return;
    }
    if (otherReply) onAcknowledgeOtherReply();
    setConfirming(false);
    onSend(text);
    setText("");
  }

  const describedBy = [blockedReason ? ids.blocked : ids.reason, ids.counter].join(" ");
  return (
    <div className="border-t border-slate-200 bg-white p-3">
      {otherReply && <OtherReplyNotice t={t} author={otherReply.author} text={otherReply.text} />}
      {blockedReason && (
        <p id={ids.blocked} role="status" className="mb-2 rounded-md border border-slate-300 bg-slate-100 p-2 text-sm text-slate-800">
          {blockedReason}
        </p>
      )}
      <label htmlFor={ids.text} className="mb-1 block text-sm font-medium">
        {t.message}
      </label>
      <textarea
        id={ids.text}
        value={text}
        rows={3}
        aria-describedby={`${ids.counter} ${ids.hint}`}
        onChange={(event) => {
          setText(event.target.value);
          setConfirming(false);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            send(false);
          }
        }}
        className="block w-full resize-y rounded-md border border-slate-300 p-2 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-700"
      />
      {confirming && otherReply && (
        <div role="alert" className="mt-2 flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm">
          <span>{t.confirmSend}</span>
          <button type="button" onClick={() => send(true)} className="rounded-md bg-amber-800 px-3 py-1 text-white hover:bg-amber-900">
            {t.sendAnyway}
          </button>
          <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100">
            {t.dontSend}
          </button>
        </div>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <AttachFileButton t={t} disabled={!!blockedReason} onFile={onSendFile} />
        <span id={ids.counter} className={`text-sm tabular-nums ${length > MESSAGE_TEXT_MAX_CHARS ? "font-semibold text-red-800" : "text-slate-700"}`}>
          {t.counter(length, MESSAGE_TEXT_MAX_CHARS)}
        </span>
        {reason && (
          <span id={ids.reason} className="text-sm text-slate-700">
            {reason}
          </span>
        )}
        <span id={ids.hint} className="ml-auto hidden text-xs text-slate-600 sm:inline">
          {t.sendHint}
        </span>
        <button
          type="button"
          disabled={!canSend}
          aria-describedby={describedBy}
          onClick={() => send(false)}
          className="rounded-md bg-blue-700 px-4 py-1.5 font-medium text-white hover:bg-blue-800 disabled:cursor-not-allowed disabled:bg-slate-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
        >
          {t.send}
        </button>
      </div>
    </div>
  );
}
