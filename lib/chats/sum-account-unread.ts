import type { Db } from "@/lib/db/client";

/** The account's unread messages over all its cached chats (the badge beside the account). */
export async function sumAccountUnread(db: Db, accountId: string): Promise<number> {
  const result = await db.chat.aggregate({ where: { accountId }, _sum: { unreadCount: true } });
  return result._sum.unreadCount ?? 0;
}
