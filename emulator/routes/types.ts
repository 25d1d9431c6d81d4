import type { Emulator } from "../core";
import { notFound, MSG } from "../errors";
import type { JsonObject } from "../input";
import type { Chat, Posting, Seller } from "../state";

export interface RouteContext {
  emulator: Emulator;
  seller: Seller;
  body: JsonObject;
  /** The emulator clock's now, read once per request. */
  now: number;
}

export interface Route {
  /** Chat methods need Premium Plus or Premium Pro. */
  premium: boolean;
  /** Whether the method changes state (for --state saving). */
  mutates: boolean;
  handle(ctx: RouteContext): unknown;
}

export function findChat(seller: Seller, chatId: string): Chat {
  const chat = seller.chatsById.get(chatId);
  if (!chat) throw notFound(MSG.chatNotFound);
  return chat;
}

export function findPosting(seller: Seller, postingNumber: string): Posting {
  const posting = seller.postings.get(postingNumber);
  if (!posting) throw notFound(MSG.postingNotFound);
  return posting;
}
