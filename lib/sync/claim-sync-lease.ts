import type { PrismaClient } from "@/lib/db/generated/client";
import { claimLeases } from "@/lib/jobs/claim-leases";

import { SYNC_LEASE } from "./sync-lease";

/**
 * Claims the account's sync lease for `owner` for `ttlMs`: succeeds when nobody holds it, the holder's lease ran
 * out, or `owner` already holds it. Through lib/jobs' claim, so two instances racing for it cannot both win.
 */
export async function claimSyncLease(db: PrismaClient, accountId: string, owner: string, ttlMs: number): Promise<boolean> {
  // A lease needs a row to claim.
  await db.syncState.createMany({ data: [{ accountId }], skipDuplicates: true });
  const claimed = await claimLeases(db, SYNC_LEASE, { owner, ttlMs, limit: 1, id: accountId, reentrant: true });
  return claimed.length === 1;
}
