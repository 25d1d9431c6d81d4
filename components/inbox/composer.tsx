"use client";

import { useId, useRef, useState } from "react";
import { PolicyConfirmation } from "@/components/policy/policy-confirmation";
import { useReplyPicker } from "@/components/replies/use-reply-picker";
import { MESSAGE_TEXT_MAX_CHARS, countCodePoints } from "@/lib/ozon/validate-message-text";
import { checkOutgoingText, type OutgoingFlag } from "@/lib/policy/check-outgoing-text";
import { AttachFileButton } from "./attach-file-button";
import { useComposerFocus } from "./composer-focus";
import { FilePreview } from "./file-preview";
import type { InboxStrings } from "./messages";
import { OtherReplyNotice } from "./other-reply-notice";
import { useDraft } from "./use-draft";

export type OtherReply = { author: string | null; text: string };

type ComposerProps = {
  t: InboxStrings;
  accountId: string;
  chatId: string;
  /**
   * Why no message can be written here (a closed chat, Ozon's reply window closed, a read-only chat), as the
   * server's rules say: the box and its buttons are disabled and this is shown instead.
   */
  disabledReason: string | null;
  /** A reply from someone else since this chat was opened: sending needs a confirmation. */
  otherReply: OtherReply | null;
  onAcknowledgeOtherReply: () => void;
  /** `confirmed`: the agent saw the policy check's reasons and sends anyway. */
  onSend: (text: string, options: { confirmed: boolean }) => void;
  onSendFile: (name: string, base64: string) => void;
};

/** The answer box: a draft per chat, a live count of characters, the reason Send is off, Ctrl/⌘+Enter. */
export function Composer({ t, accountId, chatId, disabledReason, otherReply, onAcknowledgeOtherReply, onSend, onSendFile }: ComposerProps) {
  const [text, setText] = useDraft(accountId, chatId);
  const [confirming, setConfirming] = useState(false);
  const [policyFlags, setPolicyFlags] = useState<OutgoingFlag[] | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  useComposerFocus(chatId, textRef);
  const ids = { text: useId(), reason: useId(), hint: useId(), counter: useId(), blocked: useId(), fileProblem: useId() };
  // Saved replies: "/" and letters insert one, variables filled; one with a variable left unfilled waits for an edit.
  const replies = useReplyPicker({ accountId, chatId, text, setText, textRef });
  const length = countCodePoints(text);
  const reason = disabledReason
    ? null
    : text.trim() === ""
      ? t.reasonBlank
      : length > MESSAGE_TEXT_MAX_CHARS
        ? t.reasonTooLong(length, MESSAGE_TEXT_MAX_CHARS)
        : replies.unfilledReason;
  const canSend = !disabledReason && reason === null;

  function send(confirmed: boolean, policyConfirmed = false) {
    if (!canSend) return;
    if (otherReply && !confirmed) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    // Ozon's chat policy (lib/policy, the same check the server makes): a flagged text goes only on confirmation.
    const flags = policyConfirmed ? [] : checkOutgoingText(text);
    if (flags.length > 0) {
      setPolicyFlags(flags);
      return;
    }
    if (otherReply) onAcknowledgeOtherReply();
    setPolicyFlags(null);
    onSend(text, { confirmed: policyConfirmed });
    setText("");
  }

  const describedBy = [disabledReason ? ids.blocked : ids.reason, ids.counter].join(" ");
  return (
    <div className="border-t border-slate-200 bg-white p-3">
      {otherReply && <OtherReplyNotice t={t} author={otherReply.author} text={otherReply.text} />}
      {disabledReason && (
        <p id={ids.blocked} role="status" className="mb-2 rounded-md border border-slate-300 bg-slate-100 p-2 text-sm text-slate-800">
          {disabledReason}
        </p>
      )}
      {file && !disabledReason && (
        <FilePreview
          t={t}
          file={file}
          onCancel={() => {
            setFile(null);
            textRef.current?.focus();
          }}
          onSend={(name, base64, caption) => {
            setFile(null);
            onSendFile(name, base64);
            if (caption) onSend(caption, { confirmed: false });
            textRef.current?.focus();
          }}
        />
      )}
      <label htmlFor={ids.text} className="mb-1 block text-sm font-medium">
        {t.message}
      </label>
      {replies.picker}
      <textarea
        {...replies.ariaProps}
        ref={textRef}
        id={ids.text}
        value={text}
        rows={3}
        disabled={!!disabledReason}
        aria-describedby={disabledReason ? ids.blocked : `${ids.counter} ${ids.hint}`}
        onChange={(event) => {
          setText(event.target.value);
          setConfirming(false);
          setPolicyFlags(null);
          replies.onChange(event.target.value, event.target.selectionStart);
        }}
        onKeyDown={(event) => {
          if (replies.onKeyDown(event)) return;
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            send(false);
          }
        }}
        className="block w-full resize-y rounded-md border border-slate-300 p-2 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-700"
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
      {policyFlags && (
        <PolicyConfirmation
          flags={policyFlags}
          onConfirm={() => send(true, true)}
          onCancel={() => {
            setPolicyFlags(null);
            textRef.current?.focus();
          }}
        />
      )}
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <AttachFileButton
          t={t}
          disabled={!!disabledReason}
          describedBy={fileProblem ? ids.fileProblem : undefined}
          onPick={setFile}
          onProblem={setFileProblem}
        />
        <span id={ids.counter} className={`text-sm tabular-nums ${length > MESSAGE_TEXT_MAX_CHARS ? "font-semibold text-red-800" : "text-slate-700"}`}>
          {t.counter(length, MESSAGE_TEXT_MAX_CHARS)}
        </span>
        {reason && (
          // "Write a message first" needs no room on a phone: Send is visibly off, and this stays its description.
          <span id={ids.reason} className={`text-sm text-slate-700 ${text.trim() === "" ? "sr-only md:not-sr-only" : ""}`}>
            {reason}
          </span>
        )}
        <span id={ids.hint} className="hidden text-xs text-slate-600 lg:inline">
          {t.sendHint}
        </span>
        <button
          type="button"
          disabled={!canSend}
          aria-describedby={describedBy}
          onClick={() => send(false)}
          className="ml-auto min-h-11 rounded-md bg-blue-700 px-4 font-medium text-white md:min-h-9 hover:bg-blue-800 disabled:cursor-not-allowed disabled:bg-slate-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
        >
          {t.send}
        </button>
      </div>
      {/* Its own row: a refused file's explanation never shifts the counter and the buttons. */}
      {fileProblem && (
        <p id={ids.fileProblem} role="alert" className="mt-2 text-sm text-red-800">
          {fileProblem}
        </p>
      )}
    </div>
  );
}
