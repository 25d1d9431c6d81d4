import type { Db } from "@/lib/db/client";

export type QueueCounts = { needsReply: number; mine: number; unassigned: number };

/**
 * The counts of every team view of an account in one statement (one round trip). Needs reply and Unassigned count
 * what list-queue-chats.ts lists, in its two ranges (a deadline still ahead, and no window known), both read from the
 * partial index `chats_awaiting_open_idx` alone (its predicate is the queue's base, its columns what the ranges and the
 * owner need), so a queue of 40,000 waiting chats is counted without reading a row of the table.
 */
export async function countQueueViews(db: Db, accountId: string, userId: string, now: Date = new Date()): Promise<QueueCounts> {
  const [row] = await db.$queryRaw<{ needs_reply: number; mine: number; unassigned: number }[]>`
    SELECT a.needs_reply, a.unassigned,
           (SELECT count(*)::int FROM chats
             WHERE account_id = ${accountId} AND assignee_id = ${userId} AND work_status IN ('OPEN', 'WAITING', 'SNOOZED')) AS mine
      FROM (
        SELECT count(*)::int AS needs_reply, (count(*) FILTER (WHERE w.assignee_id IS NULL))::int AS unassigned
          FROM (
            SELECT assignee_id FROM chats
             WHERE account_id = ${accountId} AND work_status = 'OPEN' AND awaiting_since IS NOT NULL AND status = 'OPENED'
               AND reply_refused_at IS NULL AND reply_until > ${now}
            UNION ALL
            SELECT assignee_id FROM chats
             WHERE account_id = ${accountId} AND work_status = 'OPEN' AND awaiting_since IS NOT NULL AND status = 'OPENED'
               AND reply_refused_at IS NULL AND reply_until IS NULL AND reply_closed_reason IS NULL
          ) w
      ) a`;
  return { needsReply: row?.needs_reply ?? 0, mine: row?.mine ?? 0, unassigned: row?.unassigned ?? 0 };
}
