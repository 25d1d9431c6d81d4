import { FEEDBACK_KINDS } from "./feedback-kinds";
import type { ChatStatus, PrismaClient } from "@/lib/db/generated/client";

/** What the sync compares with /v3/chat/list to decide whether a chat changed. */
export type CachedChat = {
  id: string;
  ozonChatId: string;
  type: string;
  isBuyerChat: boolean;
  createdAt: Date;
  status: ChatStatus;
  unreadCount: number;
  /** The newest message held for the chat (0n: none). */
  newestMessageId: bigint;
};

/**
 * The cached state of an account's chats: all of them, or those with the given Ozon ids. The newest message
 * comes from the messages themselves (the (chat_id, ozon_message_id) index answers it), not from
 * chats.last_message_id, which list summaries and the sender also write.
 */
export async function loadCachedChats(db: PrismaClient, accountId: string, ozonChatIds?: readonly string[]): Promise<Map<string, CachedChat>> {
  const result = new Map<string, CachedChat>();
  if (ozonChatIds && ozonChatIds.length === 0) return result;
  const chats = await db.chat.findMany({
    // Questions and reviews are rows of their own kinds, synced apart (lib/feedback).
    where: { accountId, ...(ozonChatIds ? { ozonChatId: { in: [...ozonChatIds] } } : { type: { notIn: [...FEEDBACK_KINDS] } }) },
    select: { id: true, ozonChatId: true, type: true, isBuyerChat: true, createdAt: true, status: true, unreadCount: true },
  });
  if (chats.length === 0) return result;
  const newest = await db.message.groupBy({
    by: ["chatId"],
    where: ozonChatIds ? { chatId: { in: chats.map((c) => c.id) } } : { chat: { accountId, type: { notIn: [...FEEDBACK_KINDS] } } },
    _max: { ozonMessageId: true },
  });
  const newestByChat = new Map(newest.map((n) => [n.chatId, n._max.ozonMessageId ?? 0n]));
  for (const c of chats) result.set(c.ozonChatId, { ...c, newestMessageId: newestByChat.get(c.id) ?? 0n });
  return result;
}
