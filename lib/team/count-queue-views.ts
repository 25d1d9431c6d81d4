import type { Db } from "@/lib/db/client";

export type QueueCounts = { needsReply: number; mine: number; unassigned: number };

/**
 * The counts of every team view of an account in one statement (one round trip). Needs reply and Unassigned count
 * what list-queue-chats.ts lists, in its two ranges of the view's index: a deadline still ahead, and no window known.
 */
export async function countQueueViews(db: Db, accountId: string, userId: string, now: Date = new Date()): Promise<QueueCounts> {
  const [row] = await db.$queryRaw<{ needs_reply: number; mine: number; unassigned: number }[]>`
    SELECT
      (SELECT count(*)::int FROM chats
        WHERE account_id = ${accountId} AND work_status = 'OPEN' AND reply_until > ${now}
          AND awaiting_since IS NOT NULL AND status = 'OPENED' AND reply_refused_at IS NULL)
      + (SELECT count(*)::int FROM chats
        WHERE account_id = ${accountId} AND work_status = 'OPEN' AND reply_until IS NULL
          AND awaiting_since IS NOT NULL AND status = 'OPENED' AND reply_refused_at IS NULL AND reply_closed_reason IS NULL) AS needs_reply,
      (SELECT count(*)::int FROM chats
        WHERE account_id = ${accountId} AND assignee_id = ${userId} AND work_status IN ('OPEN', 'WAITING', 'SNOOZED')) AS mine,
      (SELECT count(*)::int FROM chats
        WHERE account_id = ${accountId} AND assignee_id IS NULL AND work_status = 'OPEN' AND reply_until > ${now}
          AND awaiting_since IS NOT NULL AND status = 'OPENED' AND reply_refused_at IS NULL)
      + (SELECT count(*)::int FROM chats
        WHERE account_id = ${accountId} AND assignee_id IS NULL AND work_status = 'OPEN' AND reply_until IS NULL
          AND awaiting_since IS NOT NULL AND status = 'OPENED' AND reply_refused_at IS NULL AND reply_closed_reason IS NULL) AS unassigned`;
  return { needsReply: row?.needs_reply ?? 0, mine: row?.mine ?? 0, unassigned: row?.unassigned ?? 0 };
}
