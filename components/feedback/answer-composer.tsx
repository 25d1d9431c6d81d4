"use client";

import { useId, useRef, useState } from "react";
import { useDraft } from "@/components/inbox/use-draft";
import { describeApiError } from "@/components/i18n/describe-api-error";
import { useLocale, useMessages } from "@/components/i18n/locale-provider";
import type { ChatView } from "@/lib/cache/chat-view";
import { useReplyPicker } from "@/components/replies/use-reply-picker";
import { describeError } from "@/lib/errors/describe-error";
import { ANSWER_TEXT_MAX_CHARS, ANSWER_TEXT_MIN_CHARS, checkAnswerText } from "@/lib/ozon/validate-answer-text";
import { feedbackMessages } from "./messages";
import { useFeedbackAnswer } from "./use-feedback-answer";

/**
 * The answer box of a product question, or the comment box of a review (with "mark processed"): Ozon's 2..3000
 * characters counted and checked here as the server checks them; Ozon's refusal shown with its reason. Saved replies
 * as in the chat composer ("/" and letters, the item's values filled in), counted against the answer's own limit;
 * the typed text kept as the item's draft (useDraft) until it is published.
 */
export function AnswerComposer({ accountId, chat }: { accountId: string; chat: ChatView }) {
  const t = useMessages(feedbackMessages);
  const locale = useLocale();
  const id = useId();
  // A draft per item, as the chat composer keeps one per chat: switching items or reloading keeps the typed answer.
  const [text, setText] = useDraft(accountId, chat.id);
  const [markProcessed, setMarkProcessed] = useState(true);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const replies = useReplyPicker({ accountId, chatId: chat.id, text, setText, textRef, maxChars: ANSWER_TEXT_MAX_CHARS });
  const { publish } = useFeedbackAnswer(accountId, chat.id);
  const isReview = chat.type === "review";
  const check = checkAnswerText(text);
  const problem =
    text === "" || check.ok
      ? null
      : describeError(locale, "answer_text_invalid", {
          problem: text.trim() === "" ? "blank" : check.length < ANSWER_TEXT_MIN_CHARS ? "too_short" : "too_long",
          length: check.length,
          min: ANSWER_TEXT_MIN_CHARS,
          max: ANSWER_TEXT_MAX_CHARS,
        });
  // A saved reply's variable left without a value ({buyer}) must be written in before the answer goes.
  const blocked = problem ?? replies.unfilledReason;
  const canPublish = check.ok && replies.unfilledReason === null && !publish.isPending;
  const submit = () => {
    if (!canPublish) return;
    publish.mutate({ text, markProcessed: isReview && markProcessed });
  };
  return (
    <form
      className="border-t border-slate-200 bg-white p-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={`${id}-text`} className="text-sm font-medium">
        {isReview ? t.commentLabel : t.answerLabel}
      </label>
      {replies.picker}
      <textarea
        {...replies.ariaProps}
        ref={textRef}
        id={`${id}-text`}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          replies.onChange(event.target.value, event.target.selectionStart);
        }}
        onKeyDown={(event) => {
          if (replies.onKeyDown(event)) return;
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            submit();
          }
        }}
        rows={3}
        aria-describedby={`${id}-count ${id}-problem`}
        aria-invalid={blocked !== null}
        className="mt-1 block w-full rounded-md border border-slate-300 p-2 text-base md:text-sm"
      />
      <div className="mt-1 flex flex-wrap items-center justify-between gap-2 text-sm">
        <span id={`${id}-count`} className={check.length > ANSWER_TEXT_MAX_CHARS ? "text-red-800" : "text-slate-700"}>
          {t.count(check.length, ANSWER_TEXT_MAX_CHARS)}
        </span>
        {isReview && (
          <label className="flex min-h-11 items-center gap-2 md:min-h-8">
            <input type="checkbox" checked={markProcessed} onChange={(event) => setMarkProcessed(event.target.checked)} />
            {t.markProcessed}
          </label>
        )}
        <button
          type="submit"
          disabled={!canPublish}
          className="min-h-11 rounded-md bg-blue-800 px-3 text-white disabled:opacity-60 md:min-h-8"
        >
          {publish.isPending ? t.publishing : isReview ? t.publishComment : t.publishAnswer}
        </button>
      </div>
      <p id={`${id}-problem`} role={blocked ? "alert" : undefined} className="mt-1 text-sm text-red-800 empty:hidden" data-testid="answer-problem">
        {blocked}
      </p>
      {publish.isError && (
        <p role="alert" className="mt-1 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900" data-testid="answer-error">
          {describeApiError(locale, publish.error)}
        </p>
      )}
      {publish.isSuccess && !publish.isPending && text === "" && (
        <p role="status" className="mt-1 text-sm text-green-800" data-testid="answer-published">
          {t.published}
        </p>
      )}
    </form>
  );
}
