import type { Db } from "@/lib/db/client";

/**
 * A view's count stops here: the tab then says "999+". Counting every waiting item of a large shop costs a scan of
 * them all (85,899 at the bench's 50,000 + 50,000 + 50,000 shop: 41–46 ms, read again on every live change of the
 * account), while an agent reads a tab's figure to know whether the pile is small; the list itself pages through all.
 */
export const QUEUE_COUNT_CAP = 1000;

/** Each view's count up to `cap` (a count equal to `cap` means "cap or more"). */
export type QueueCounts = { needsReply: number; mine: number; unassigned: number; cap: number };

/**
 * The counts of every team view of an account in one statement (one round trip). Needs reply and Unassigned count
 * what list-queue-chats.ts lists, in its two ranges (a deadline still ahead, and no window known), from partial
 * indexes alone (`chats_awaiting_open_idx`, and `chats_unassigned_open_idx` for the unowned); each count stops at
 * `cap` rows, so its cost does not grow with the queue.
 */
export async function countQueueViews(
  db: Db,
  accountId: string,
  userId: string,
  now: Date = new Date(),
  cap: number = QUEUE_COUNT_CAP,
): Promise<QueueCounts> {
  const [row] = await db.$queryRaw<{ needs_reply: number; mine: number; unassigned: number }[]>`
    SELECT
      (SELECT count(*)::int FROM (
         SELECT 1 FROM chats
          WHERE account_id = ${accountId} AND work_status = 'OPEN' AND awaiting_since IS NOT NULL AND status = 'OPENED'
            AND reply_refused_at IS NULL AND reply_until > ${now}
         UNION ALL
         SELECT 1 FROM chats
          WHERE account_id = ${accountId} AND work_status = 'OPEN' AND awaiting_since IS NOT NULL AND status = 'OPENED'
            AND reply_refused_at IS NULL AND reply_until IS NULL AND reply_closed_reason IS NULL
         LIMIT ${cap}) w) AS needs_reply,
      (SELECT count(*)::int FROM (
         SELECT 1 FROM chats
          WHERE account_id = ${accountId} AND work_status = 'OPEN' AND awaiting_since IS NOT NULL AND status = 'OPENED'
            AND reply_refused_at IS NULL AND assignee_id IS NULL AND reply_until > ${now}
         UNION ALL
         SELECT 1 FROM chats
          WHERE account_id = ${accountId} AND work_status = 'OPEN' AND awaiting_since IS NOT NULL AND status = 'OPENED'
            AND reply_refused_at IS NULL AND assignee_id IS NULL AND reply_until IS NULL AND reply_closed_reason IS NULL
         LIMIT ${cap}) u) AS unassigned,
      (SELECT count(*)::int FROM (
         SELECT 1 FROM chats
          WHERE account_id = ${accountId} AND assignee_id = ${userId} AND work_status IN ('OPEN', 'WAITING', 'SNOOZED')
         LIMIT ${cap}) m) AS mine`;
  return { needsReply: row?.needs_reply ?? 0, mine: row?.mine ?? 0, unassigned: row?.unassigned ?? 0, cap };
}
