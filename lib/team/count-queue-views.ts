import { QUEUE_COUNT_CAP, waitingCountsSql, type WaitingCounts } from "@/lib/cache/count-waiting-chats";
import type { Db } from "@/lib/db/client";

/** Each view's count up to `cap` (a count equal to `cap` means "cap or more"). */
export type QueueCounts = WaitingCounts & { mine: number };

/**
 * The counts of every team view of an account in one statement (one round trip): the account's Needs reply and
 * Unassigned (lib/cache/count-waiting-chats.ts, also sent with live events) and the user's Mine, each stopping at
 * `cap`.
 */
export async function countQueueViews(
  db: Db,
  accountId: string,
  userId: string,
  now: Date = new Date(),
  cap: number = QUEUE_COUNT_CAP,
): Promise<QueueCounts> {
  const [row] = await db.$queryRaw<{ needs_reply: number; mine: number; unassigned: number }[]>`
    SELECT ${waitingCountsSql(accountId, now, cap)},
      (SELECT count(*)::int FROM (
         SELECT 1 FROM chats
          WHERE account_id = ${accountId} AND assignee_id = ${userId} AND work_status IN ('OPEN', 'WAITING', 'SNOOZED')
         LIMIT ${cap}) m) AS mine`;
  return { needsReply: row?.needs_reply ?? 0, mine: row?.mine ?? 0, unassigned: row?.unassigned ?? 0, cap };
}
