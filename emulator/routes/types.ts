import type { Emulator } from "../core";
import { forbidden, notFound, MSG } from "../errors";
import { isBuyerChatType } from "../state";
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
  /** Chat and question methods need Premium Plus or Premium Pro. */
  premium: boolean;
  /** Review methods need the «Управление отзывами» subscription or Premium Pro. */
  reviews?: boolean;
  /** Whether the method changes state (for --state saving). */
  mutates: boolean;
  handle(ctx: RouteContext): unknown;
}

/** A chat of the seller for a chat method; plain Premium reads no buyer chat (403, as live Ozon answers it [FR]). */
export function findChat(seller: Seller, chatId: string): Chat {
  const chat = seller.chatsById.get(chatId);
  if (!chat) throw notFound(MSG.chatNotFound);
  if (seller.subscription === "PREMIUM" && isBuyerChatType(chat.type)) throw forbidden(MSG.premiumRequired);
  return chat;
}

export function findPosting(seller: Seller, postingNumber: string): Posting {
  const posting = seller.postings.get(postingNumber);
  if (!posting) throw notFound(MSG.postingNotFound);
  return posting;
}
