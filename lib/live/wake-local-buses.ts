import type { Db } from "@/lib/db/client";

type Wake = () => void;

// Keyed by the PrismaClient, shared across Next's double module loads: a publish wakes the buses reading the same
// client in this process at once (the embedded PGlite database has no other process to notify).
const wakersByDb: WeakMap<Db, Set<Wake>> = ((globalThis as { __sellerInboxLiveWakers?: WeakMap<Db, Set<Wake>> })
  .__sellerInboxLiveWakers ??= new WeakMap<Db, Set<Wake>>());

/** Registers a bus's wake-up for publishes through `db` in this process; returns the unregister. */
export function onLocalPublish(db: Db, wake: Wake): () => void {
  let wakers = wakersByDb.get(db);
  if (!wakers) wakersByDb.set(db, (wakers = new Set()));
  wakers.add(wake);
  return () => {
    wakers.delete(wake);
  };
}

/** Wakes every bus of this process that reads through `db`. */
export function wakeLocalBuses(db: Db): void {
  for (const wake of wakersByDb.get(db) ?? []) wake();
}
