/**
 * The per-account sync lease: a status-guarded claim in sync_states, so that across several app instances on
 * one PostgreSQL exactly one syncs an account at a time. Times are the database's (now() in UTC, as Prisma
 * stores DateTime), never this process's clock, so instances with skewed clocks still agree.
 */
import type { PrismaClient } from "@/lib/db/generated/client";

/** Creates the account's sync_states row if it has none (a lease needs a row to claim). */
export async function ensureSyncState(db: PrismaClient, accountId: string): Promise<void> {
  await db.syncState.createMany({ data: [{ accountId }], skipDuplicates: true });
}

/**
 * Claims the lease for `owner` for `ttlMs`: succeeds when nobody holds it, the holder's lease ran out, or
 * `owner` already holds it. One UPDATE, so two instances racing for it cannot both win.
 */
export async function claimSyncLease(db: PrismaClient, accountId: string, owner: string, ttlMs: number): Promise<boolean> {
  await ensureSyncState(db, accountId);
  const rows = await db.$queryRaw<{ account_id: string }[]>`
    UPDATE sync_states
       SET lease_owner = ${owner},
           lease_until = (now() AT TIME ZONE 'UTC') + ${Math.round(ttlMs)}::int * interval '1 millisecond',
           updated_at = now() AT TIME ZONE 'UTC'
     WHERE account_id = ${accountId}
       AND (lease_until IS NULL OR lease_until < (now() AT TIME ZONE 'UTC') OR lease_owner = ${owner})
    RETURNING account_id`;
  return rows.length === 1;
}

/** Extends a lease `owner` holds; false when it no longer holds it (another instance took it over). */
export async function renewSyncLease(db: PrismaClient, accountId: string, owner: string, ttlMs: number): Promise<boolean> {
  const rows = await db.$queryRaw<{ account_id: string }[]>`
    UPDATE sync_states
       SET lease_until = (now() AT TIME ZONE 'UTC') + ${Math.round(ttlMs)}::int * interval '1 millisecond'
     WHERE account_id = ${accountId} AND lease_owner = ${owner}
    RETURNING account_id`;
  return rows.length === 1;
}

/** Gives the lease up (only if `owner` still holds it). */
export async function releaseSyncLease(db: PrismaClient, accountId: string, owner: string): Promise<void> {
  await db.$executeRaw`
    UPDATE sync_states SET lease_owner = NULL, lease_until = NULL
     WHERE account_id = ${accountId} AND lease_owner = ${owner}`;
}
