import { Prisma } from "@/lib/db/generated/client";
import type { Db } from "@/lib/db/client";
import { claimLeaseRows } from "@/lib/jobs/claim-lease-rows";
import type { LeaseTable } from "@/lib/jobs/lease-table";

import type { PushChatEvent } from "./parse-push-payload";

export type ClaimedPushEvent = { id: bigint; attempts: number; payload: PushChatEvent };

/**
 * Push events as lib/jobs claims them: claimed_until is the claim's end, and also a failed event's retry delay
 * (a PENDING event is not claimable before it). No owner column: an instance holds its events until they settle.
 */
const PUSH_EVENTS_LEASE: LeaseTable = {
  table: "push_events",
  id: "id",
  until: "claimed_until",
  state: { column: "state", type: "push_event_state" },
  attempts: "attempts",
  order: "id",
};

/**
 * Claims up to `limit` of an account's events for this instance until `ttlMs` from now: PENDING ones (a failed one
 * once its retry delay has passed), and PROCESSING ones whose claim ran out (the instance that held them crashed).
 * Through lib/jobs' claim, like the outbox: two instances never claim the same event, and neither waits for the
 * other. Returned oldest first (in the order Ozon's deliveries were received); each claim counts as an attempt.
 */
export async function claimPushEvents(db: Db, accountId: string, limit: number, ttlMs: number): Promise<ClaimedPushEvent[]> {
  return claimLeaseRows<ClaimedPushEvent>(
    db,
    PUSH_EVENTS_LEASE,
    {
      ttlMs,
      limit,
      states: ["PENDING", "PROCESSING"],
      claimedState: "PROCESSING",
      where: Prisma.sql`account_id = ${accountId}`,
    },
    ["id", "attempts", "payload"],
  );
}
