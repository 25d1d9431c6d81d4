/**
 * Message text rules, checked before the wire (pure; the UI and routes reuse them).
 * Ozon: "Текст сообщения в формате plain text от 1 до 1000 символов" — we count Unicode code points
 * ([...text].length), so one emoji is one character; whitespace-only text is refused.
 */
import { OzonApiError } from "./errors";

export const MESSAGE_TEXT_MAX_CHARS = 1000;

/** Length in Unicode code points (an astral emoji counts 1, not 2 UTF-16 units). */
export function countCodePoints(text: string): number {
  return [...text].length;
}

export type MessageTextProblem = "missing" | "empty" | "blank" | "too_long";

export type MessageTextCheck = { ok: true; length: number } | { ok: false; length: number; problem: MessageTextProblem; message: string };

/** Checks a message text without throwing; `problem` names the broken rule, `message` says it in English. */
export function checkMessageText(text: unknown): MessageTextCheck {
  if (typeof text !== "string") return { ok: false, length: 0, problem: "missing", message: "The message text is missing." };
  const length = countCodePoints(text);
  if (length === 0) return { ok: false, length, problem: "empty", message: "The message is empty; write 1 to 1000 characters." };
  if (text.trim() === "")
    return { ok: false, length, problem: "blank", message: "The message contains only spaces or line breaks; write some text." };
  if (length > MESSAGE_TEXT_MAX_CHARS)
    return {
      ok: false,
      length,
      problem: "too_long",
      message: `The message is too long: ${length} characters, Ozon allows at most ${MESSAGE_TEXT_MAX_CHARS}.`,
    };
  return { ok: true, length };
}

/** Throws OzonApiError kind "invalid_input" (status 0, no network) when the text breaks a rule. */
export function validateMessageText(text: unknown): asserts text is string {
  const r = checkMessageText(text);
  if (!r.ok) throw new OzonApiError({ kind: "invalid_input", status: 0, attempts: 0, message: r.message });
}
