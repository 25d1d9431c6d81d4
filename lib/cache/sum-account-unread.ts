import type { DbClient } from "./db-client";

/**
 * The account's unread messages over all its cached chats (the badge beside the account). Only chats with unread
 * messages are read — a range of the (account_id, unread_count) index — not every chat of a 50,000-chat shop.
 */
export async function sumAccountUnread(db: DbClient, accountId: string): Promise<number> {
  const result = await db.chat.aggregate({ where: { accountId, unreadCount: { gt: 0 } }, _sum: { unreadCount: true } });
  return result._sum.unreadCount ?? 0;
}
