/**
 * Text rules of an answer to a product question or a comment on a review, checked before the wire (pure; the UI and
 * routes reuse them). Ozon: «Текст ответа объёмом от 2 до 3000 символов» for answers; it states no limit for review
 * comments, so they are held to the same (docs/ozon-wire-decisions.md). Counted in Unicode code points, like chat
 * messages; whitespace-only text is refused.
 */
import { OzonApiError } from "./errors";
import { countCodePoints } from "./validate-message-text";

export const ANSWER_TEXT_MIN_CHARS = 2;
export const ANSWER_TEXT_MAX_CHARS = 3000;

export type AnswerTextCheck = { ok: true; length: number } | { ok: false; length: number; message: string };

/** Checks an answer or comment text without throwing; `message` is a user-facing English sentence. */
export function checkAnswerText(text: unknown): AnswerTextCheck {
  if (typeof text !== "string") return { ok: false, length: 0, message: "The answer text is missing." };
  const length = countCodePoints(text);
  if (text.trim() === "")
    return { ok: false, length, message: `The answer is empty; write ${ANSWER_TEXT_MIN_CHARS} to ${ANSWER_TEXT_MAX_CHARS} characters.` };
  if (length < ANSWER_TEXT_MIN_CHARS)
    return { ok: false, length, message: `The answer is too short: Ozon needs at least ${ANSWER_TEXT_MIN_CHARS} characters.` };
  if (length > ANSWER_TEXT_MAX_CHARS)
    return {
      ok: false,
      length,
      message: `The answer is too long: ${length} characters, Ozon allows at most ${ANSWER_TEXT_MAX_CHARS}.`,
    };
  return { ok: true, length };
}

/** Throws OzonApiError kind "invalid_input" (status 0, no network) when the text breaks a rule. */
export function validateAnswerText(text: unknown): asserts text is string {
  const r = checkAnswerText(text);
  if (!r.ok) throw new OzonApiError({ kind: "invalid_input", status: 0, attempts: 0, message: r.message });
}
