import { z } from "zod";
import type { Chat } from "@/lib/db/generated/client";

/** A cached chat as the browser sees it: our id for links, Ozon's for reference, no internal fields. */
export const chatViewSchema = z.object({
  id: z.string(),
  ozonChatId: z.string(),
  type: z.string(),
  isBuyerChat: z.boolean(),
  status: z.enum(["OPENED", "CLOSED"]),
  unreadCount: z.number().int(),
  lastMessageAt: z.iso.datetime().nullable(),
  lastMessagePreview: z.string().nullable(),
  lastMessageAuthor: z.string().nullable(),
  postingNumber: z.string().nullable(),
  orderNumber: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type ChatView = z.infer<typeof chatViewSchema>;

export function toChatView(chat: Chat): ChatView {
  return {
    id: chat.id,
    ozonChatId: chat.ozonChatId,
    type: chat.type,
    isBuyerChat: chat.isBuyerChat,
    status: chat.status,
    unreadCount: chat.unreadCount,
    lastMessageAt: chat.lastMessageAt?.toISOString() ?? null,
    lastMessagePreview: chat.lastMessagePreview,
    lastMessageAuthor: chat.lastMessageAuthor,
    postingNumber: chat.postingNumber,
    orderNumber: chat.orderNumber,
    createdAt: chat.createdAt.toISOString(),
  };
}
