import { ANSWER_TEXT_MAX_CHARS } from "@/lib/ozon/validate-answer-text";
import { countCodePoints } from "@/lib/ozon/validate-message-text";
import { VARIABLE_PATTERN } from "./reply-variables";

/**
 * How long a saved reply may be (pure; the settings form and the server's schema both check it). A reply serves chats
 * (Ozon's 1000 characters) and answers to questions and reviews (2..3000), so its text without variables may be as
 * long as the longest box it can go into; the box's own limit is checked once filled, where it is inserted.
 */
export const SAVED_REPLY_MAX_CHARS = ANSWER_TEXT_MAX_CHARS;
/** The raw template with its `{variables}` (they may be many): twice the fixed text's limit. */
export const SAVED_REPLY_RAW_MAX_CHARS = 2 * SAVED_REPLY_MAX_CHARS;

export type SavedReplyTextProblem = { problem: "raw_too_long" | "fixed_too_long"; length: number; max: number };

/** Why a saved reply's (trimmed) text is too long, or null. Raw: UTF-16 units, as the form's and zod's max; fixed: code points, as Ozon counts. */
export function checkSavedReplyText(text: string): SavedReplyTextProblem | null {
  if (text.length > SAVED_REPLY_RAW_MAX_CHARS) return { problem: "raw_too_long", length: text.length, max: SAVED_REPLY_RAW_MAX_CHARS };
  const fixed = countCodePoints(text.replace(VARIABLE_PATTERN, ""));
  if (fixed > SAVED_REPLY_MAX_CHARS) return { problem: "fixed_too_long", length: fixed, max: SAVED_REPLY_MAX_CHARS };
  return null;
}
