import type { ChatView } from "@/lib/cache/chat-view";
import type { InboxStrings } from "./messages";

/** What a chat is called in the list and the thread header: the buyer, Ozon support, Ozon's notifications, a product question or a review. */
export function chatTitle(t: InboxStrings, chat: Pick<ChatView, "type" | "isBuyerChat" | "feedback">): string {
  if (chat.type === "question") return t.questionTitle;
  if (chat.type === "review") return t.reviewTitle(chat.feedback?.rating ?? null);
  const type = chat.type.toUpperCase();
  if (chat.isBuyerChat) return type.includes("SELECT") ? t.buyerSelect : t.buyer;
  // SELLER_NOTIFICATION_* and SELLER_API_* (updates, notices of the Seller API) are Ozon's notices.
  if (type.includes("NOTIFICATION") || type.startsWith("SELLER_API")) return t.ozonNotifications;
  return t.ozonSupport;
}
