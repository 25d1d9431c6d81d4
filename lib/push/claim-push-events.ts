import type { Db } from "@/lib/db/client";

import type { PushChatEvent } from "./parse-push-payload";

export type ClaimedPushEvent = { id: bigint; attempts: number; payload: PushChatEvent };

/**
 * Claims up to `limit` of an account's events for this instance until `ttlMs` from now: PENDING ones (a failed one
 * once its retry delay, kept in claimed_until, has passed), and PROCESSING ones whose claim ran out (the instance
 * that held them crashed). One status-guarded UPDATE over rows
 * locked with SKIP LOCKED, like the outbox: two instances never claim the same event, and neither waits for the
 * other. Returned oldest first (in the order Ozon's deliveries were received); each claim counts as an attempt.
 */
export async function claimPushEvents(db: Db, accountId: string, limit: number, ttlMs: number): Promise<ClaimedPushEvent[]> {
  const rows = await db.$queryRaw<{ id: bigint; attempts: number; payload: PushChatEvent }[]>`
    UPDATE push_events
       SET state = 'PROCESSING',
           claimed_until = (now() AT TIME ZONE 'UTC') + ${Math.round(ttlMs)}::int * interval '1 millisecond',
           attempts = attempts + 1
     WHERE id IN (
             SELECT id FROM push_events
              WHERE account_id = ${accountId}
                AND (claimed_until IS NULL OR claimed_until < (now() AT TIME ZONE 'UTC'))
                AND state IN ('PENDING', 'PROCESSING')
              ORDER BY id
              LIMIT ${limit}
                FOR UPDATE SKIP LOCKED)
       AND state IN ('PENDING', 'PROCESSING')
       AND (claimed_until IS NULL OR claimed_until < (now() AT TIME ZONE 'UTC'))
    RETURNING id, attempts, payload`;
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
