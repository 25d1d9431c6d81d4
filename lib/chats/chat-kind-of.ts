/**
 * The kinds the inbox lists apart: buyer chats, everything else from Ozon's side (support and notification chats), and
 * product questions and reviews (rows of their own types, docs/questions-and-reviews.md). Every chat is of one kind.
 * Free of zod on purpose: the browser's list rules import it, and zod would be a third of the inbox's own first-load
 * JavaScript (its schema for query strings is in ./chat-kinds.ts).
 */
export const CHAT_KINDS = ["buyer", "support", "question", "review"] as const;
export type ChatKind = (typeof CHAT_KINDS)[number];

/** The kind of a chat (the browser's live updates sort chats into lists by it). */
export function chatKindOf(chat: { isBuyerChat: boolean; type: string }): ChatKind {
  if (chat.isBuyerChat) return "buyer";
  return chat.type === "question" || chat.type === "review" ? chat.type : "support";
}
