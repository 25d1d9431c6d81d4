import type { Db } from "@/lib/db/client";
import { batchWhileBusy } from "@/lib/db/batch-while-busy";
import type { Prisma } from "@/lib/db/generated/client";

export type PushEventRow = { accountId: string; dedupeKey: string; messageType: string; payload: Prisma.InputJsonValue };

/** At most this many rows in one INSERT. */
const MAX_BATCH = 500;

const globalForPush = globalThis as typeof globalThis & { __sellerInboxPushBatchers?: WeakMap<Db, (row: PushEventRow) => Promise<boolean>> };
const batchers = (globalForPush.__sellerInboxPushBatchers ??= new WeakMap());

/**
 * Stores one received push in push_events, once (a repeated delivery hits the dedupe key: INSERT … ON CONFLICT DO
 * NOTHING). Pushes arriving together share one INSERT (batchWhileBusy), so a flood costs a few statements a second
 * instead of one per push, and the receiver can answer every push in time. Resolves once the row is committed (the
 * receiver acknowledges only then): true when its batch stored anything new (the caller then starts processing; a run
 * that finds nothing new is harmless), false when all of it was already there.
 */
export function storePushEvent(db: Db, row: PushEventRow): Promise<boolean> {
  let store = batchers.get(db);
  if (!store) {
    store = batchWhileBusy(async (rows: PushEventRow[]) => {
      const stored = await db.pushEvent.createMany({ data: rows, skipDuplicates: true });
      return rows.map(() => stored.count > 0);
    }, MAX_BATCH);
    batchers.set(db, store);
  }
  return store(row);
}
