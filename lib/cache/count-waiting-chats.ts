import { Prisma } from "@/lib/db/generated/client";
import type { DbClient } from "./db-client";

/**
 * A view's count stops here: the tab then says "999+". Counting every waiting item of a large shop costs a scan of
 * them all (85,899 at the bench's 50,000 + 50,000 + 50,000 shop: 41–46 ms), while an agent reads a tab's figure to
 * know whether the pile is small; the list itself pages through all.
 */
export const QUEUE_COUNT_CAP = 1000;

/** The account's own queue counts (the same for every user), each up to `cap` ("cap or more" at `cap`). */
export type WaitingCounts = { needsReply: number; unassigned: number; cap: number };

/**
 * The select list of the Needs reply and Unassigned counts (columns needs_reply, unassigned), for a statement that
 * adds more: what lib/team/list-queue-chats.ts lists, in its two ranges (a deadline still ahead, and no window known),
 * read from partial indexes alone (`chats_awaiting_open_idx`; `chats_unassigned_open_idx` for the unowned), each
 * stopping at `cap` rows, so its cost does not grow with the queue.
 */
export function waitingCountsSql(accountId: string, now: Date, cap: number): Prisma.Sql {
  const awaiting = Prisma.sql`account_id = ${accountId} AND work_status = 'OPEN' AND awaiting_since IS NOT NULL AND status = 'OPENED'
    AND reply_refused_at IS NULL`;
  const count = (owner: Prisma.Sql) => Prisma.sql`(SELECT count(*)::int FROM (
      SELECT 1 FROM chats WHERE ${awaiting} ${owner} AND reply_until > ${now}
      UNION ALL
      SELECT 1 FROM chats WHERE ${awaiting} ${owner} AND reply_until IS NULL AND reply_closed_reason IS NULL
      LIMIT ${cap}) c)`;
  return Prisma.sql`${count(Prisma.empty)} AS needs_reply, ${count(Prisma.sql`AND assignee_id IS NULL`)} AS unassigned`;
}

/** The account's Needs reply and Unassigned counts (waitingCountsSql), for the live events that change them. */
export async function countWaitingChats(db: DbClient, accountId: string, now: Date = new Date(), cap: number = QUEUE_COUNT_CAP): Promise<WaitingCounts> {
  const [row] = await db.$queryRaw<{ needs_reply: number; unassigned: number }[]>`SELECT ${waitingCountsSql(accountId, now, cap)}`;
  return { needsReply: row?.needs_reply ?? 0, unassigned: row?.unassigned ?? 0, cap };
}
