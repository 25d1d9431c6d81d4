import type { ChatView } from "@/lib/chats/chat-view";
import type { InboxStrings } from "./messages";

/** What a chat is called in the list and the thread header: the buyer, Ozon support, or Ozon's notifications. */
export function chatTitle(t: InboxStrings, chat: Pick<ChatView, "type" | "isBuyerChat">): string {
  const type = chat.type.toUpperCase();
  if (chat.isBuyerChat) return type.includes("SELECT") ? t.buyerSelect : t.buyer;
  if (type.includes("NOTIFICATION")) return t.ozonNotifications;
  return t.ozonSupport;
}

/** Ozon's notification chats are read-only. */
export function isNotificationChat(chat: Pick<ChatView, "type">): boolean {
  return chat.type.toUpperCase().includes("NOTIFICATION");
}
