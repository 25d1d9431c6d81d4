import { Prisma } from "@/lib/db/generated/client";
import type { Db } from "@/lib/db/client";
import { claimLeases } from "@/lib/jobs/claim-leases";
import { OUTBOX_LEASE, UNSETTLED_OUTBOX_STATES } from "./outbox-lease";

/**
 * Takes the right to work on one outbox row (send it, or settle a send whose outcome is unknown) for `owner`:
 * the row must be unsettled and nobody may hold it (a crashed holder's lease that ran out is taken over). Through
 * lib/jobs' claim, so that of two requests, tabs, workers or instances exactly one gets it. False when another
 * holds it or it is settled (SENT, FAILED).
 */
export async function claimOutboxMessage(db: Db, outboxId: string, owner: string, ttlMs: number): Promise<boolean> {
  const claimed = await claimLeases(db, OUTBOX_LEASE, {
    owner,
    ttlMs,
    limit: 1,
    states: [...UNSETTLED_OUTBOX_STATES],
    where: Prisma.sql`id = ${outboxId}`,
  });
  return claimed.length === 1;
}
