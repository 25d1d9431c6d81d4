import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export type PushEventRow = { accountId: string; dedupeKey: string; messageType: string; payload: Prisma.InputJsonValue };

type Pending = { row: PushEventRow; resolve: (stored: boolean) => void; reject: (error: unknown) => void };
type Batcher = { pending: Pending[]; flushing: boolean };

/** At most this many rows in one INSERT. */
const MAX_BATCH = 500;

const globalForPush = globalThis as typeof globalThis & { __sellerInboxPushBatchers?: WeakMap<Db, Batcher> };
const batchers = (globalForPush.__sellerInboxPushBatchers ??= new WeakMap<Db, Batcher>());

/**
 * Stores one received push in push_events, once (a repeated delivery hits the dedupe key: INSERT … ON CONFLICT DO
 * NOTHING). Pushes arriving together share one INSERT: while one batch is written the next gathers, so a flood costs
 * a few statements a second instead of one per push, and the receiver can answer every push in time. Resolves once
 * the row is committed (the receiver acknowledges only then): true when its batch stored anything new (the caller
 * then starts processing; a run that finds nothing new is harmless), false when all of it was already there.
 */
export function storePushEvent(db: Db, row: PushEventRow): Promise<boolean> {
  let batcher = batchers.get(db);
  if (!batcher) batchers.set(db, (batcher = { pending: [], flushing: false }));
  const promise = new Promise<boolean>((resolve, reject) => batcher.pending.push({ row, resolve, reject }));
  if (!batcher.flushing) void flush(db, batcher);
  return promise;
}

async function flush(db: Db, batcher: Batcher): Promise<void> {
  batcher.flushing = true;
  try {
    while (batcher.pending.length > 0) {
      const batch = batcher.pending.splice(0, MAX_BATCH);
      try {
        const stored = await db.pushEvent.createMany({ data: batch.map((item) => item.row), skipDuplicates: true });
        for (const item of batch) item.resolve(stored.count > 0);
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
  } finally {
    batcher.flushing = false;
  }
}
