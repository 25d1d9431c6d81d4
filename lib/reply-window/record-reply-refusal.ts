import type { Db } from "@/lib/db/client";

/**
 * Ozon refused a send because the reply period is over: its word is final, so the chat says so for every tab and
 * instance until the buyer writes again (storeMessages clears it). Returns whether the chat changed.
 */
export async function recordReplyRefusal(db: Db, chatId: string, at: Date = new Date()): Promise<boolean> {
  const updated = await db.chat.updateMany({ where: { id: chatId, replyRefusedAt: null }, data: { replyRefusedAt: at } });
  return updated.count > 0;
}
