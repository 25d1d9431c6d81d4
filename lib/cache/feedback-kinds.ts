/**
 * Product questions and reviews are chat rows of their own kind (docs/questions-and-reviews.md): `chats.type` is one of
 * these, `ozon_chat_id` is `<kind>:<Ozon's id>` (never a chat id: Ozon's chat calls are not for them).
 */
export const FEEDBACK_KINDS = ["question", "review"] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** The row's ozon_chat_id of a question or review. */
export function feedbackChatId(kind: FeedbackKind, ozonId: string): string {
  return `${kind}:${ozonId}`;
}
