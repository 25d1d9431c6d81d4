import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import { CHAT_KINDS, type ChatKind } from "./chat-kind-of";

export const chatKindSchema = z.enum(CHAT_KINDS, { error: "kind must be buyer, support, question or review" });

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
