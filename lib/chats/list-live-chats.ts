import { listChats, type OzonConnection } from "@/lib/ozon";

export type LiveChat = {
  chatId: string;
  type: string;
  isBuyerChat: boolean;
  status: string;
  unreadCount: number;
  createdAt: string;
  lastMessageId: string | null;
};

export type LiveChatsResponse = { chats: LiveChat[]; totalUnread: number; hasMore: boolean };

/** The newest chats straight from Ozon, shaped for the browser (no cursor, no key, no raw Ozon fields). */
export async function listLiveChats(connection: OzonConnection, limit = 30): Promise<LiveChatsResponse> {
  const page = await listChats(connection, { limit });
  return {
    chats: page.chats.map((chat) => ({
      chatId: chat.chatId,
      type: chat.chatType,
      isBuyerChat: chat.isBuyerChat,
      status: chat.chatStatus,
      unreadCount: chat.unreadCount,
      createdAt: chat.createdAt,
      lastMessageId: chat.lastMessageId === "0" ? null : chat.lastMessageId,
    })),
    totalUnread: page.totalUnreadCount,
    hasMore: page.hasNext,
  };
}
