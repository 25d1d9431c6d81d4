/**
 * Push payloads as Ozon writes them (contract §11.4): chat_id a string, chat_type in Pascal_Snake case, message ids
 * as decimal STRINGS (unlike the REST lists), seller_id a number.
 */
import { iso, messageJson } from "./render";
import { Author, isBuyerChatType, type Chat, type Seller } from "./state";

/** BUYER_SELLER → Buyer_Seller. */
export function pushChatType(type: string): string {
  return type
    .split("_")
    .map((w) => w.charAt(0) + w.slice(1).toLowerCase())
    .join("_");
}

/**
 * §11.4 lists Customer, Support and NotificationUser as push authors. Our stored Cyrillic "Сustomer" is written as
 * "Customer", and a CRM message (Ozon staff in a buyer chat) as "Support" [inf].
 */
function pushUserType(author: number, stored: string): string {
  if (author === Author.Customer || author === Author.CustomerCyrillic) return "Customer";
  if (author === Author.Crm) return "Support";
  return stored;
}

/** The Ozon user on the other side of a chat: the buyer, support, or the notification user. */
function chatPeer(chat: Chat): { id: string; type: string } {
  const type = isBuyerChatType(chat.type) ? "Customer" : chat.type === "SELLER_SUPPORT" || chat.type === "UNSPECIFIED" ? "Support" : "NotificationUser";
  return { id: chat.peerId, type };
}

function common(seller: Seller, chat: Chat, messageType: string) {
  return { message_type: messageType, chat_id: chat.chatId, chat_type: pushChatType(chat.type), seller_id: Number(seller.sellerId) };
}

function messageFields(seller: Seller, chat: Chat, i: number) {
  const m = messageJson(seller, chat, i);
  return {
    message_id: m.message_id.toString(),
    created_at: m.created_at,
    user: { id: m.user.id, type: pushUserType(chat.log.authors[i]!, m.user.type) },
    data: m.data,
  };
}

export function newMessagePush(seller: Seller, chat: Chat, i: number) {
  return { ...common(seller, chat, "TYPE_NEW_MESSAGE"), ...messageFields(seller, chat, i) };
}

export function updateMessagePush(seller: Seller, chat: Chat, i: number, updatedAt: number) {
  return { ...common(seller, chat, "TYPE_UPDATE_MESSAGE"), ...messageFields(seller, chat, i), updated_at: iso(updatedAt) };
}

/**
 * The buyer read the seller's messages up to `lastReadId`. Ozon does not say what message_id and created_at are in
 * this payload; we write the read message and the moment of reading [inf].
 */
export function messageReadPush(seller: Seller, chat: Chat, lastReadId: bigint, readAt: number) {
  return {
    ...common(seller, chat, "TYPE_MESSAGE_READ"),
    message_id: lastReadId.toString(),
    created_at: iso(readAt),
    user: chatPeer(chat),
    last_read_message_id: lastReadId.toString(),
  };
}

export function chatClosedPush(seller: Seller, chat: Chat) {
  return { ...common(seller, chat, "TYPE_CHAT_CLOSED"), user: chatPeer(chat) };
}
