import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * The kinds the inbox lists apart: buyer chats, everything else from Ozon's side (support and notification chats), and
 * product questions and reviews (rows of their own types, docs/questions-and-reviews.md). Every chat is of one kind.
 */
const CHAT_KINDS = ["buyer", "support", "question", "review"] as const;
export type ChatKind = (typeof CHAT_KINDS)[number];

export const chatKindSchema = z.enum(CHAT_KINDS, { error: "kind must be buyer, support, question or review" });

/** The kind of a chat (the browser's live updates sort chats into lists by it). */
export function chatKindOf(chat: { isBuyerChat: boolean; type: string }): ChatKind {
  if (chat.isBuyerChat) return "buyer";
  return chat.type === "question" || chat.type === "review" ? chat.type : "support";
}

/** The chats of a kind, for a query (none given: every chat). */
export function chatKindWhere(kind: ChatKind | undefined): Prisma.ChatWhereInput {
  switch (kind) {
    case undefined:
      return {};
    case "buyer":
      return { isBuyerChat: true };
    case "support":
      return { isBuyerChat: false, type: { notIn: ["question", "review"] } };
    default:
      return { type: kind };
  }
}
