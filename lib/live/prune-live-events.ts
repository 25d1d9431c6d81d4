import type { Db } from "@/lib/db/client";

/** Tabs away longer than this get `refetch` instead of a replay. */
export const LIVE_EVENTS_KEPT_MS = 15 * 60_000;

/** Deletes events older than `keptMs` (on the created_at index); returns how many. */
export async function pruneLiveEvents(db: Db, keptMs: number = LIVE_EVENTS_KEPT_MS): Promise<number> {
  // Compared in the database's own clock and time zone, the ones created_at was stamped with.
  return db.$executeRaw`
    DELETE FROM live_events WHERE created_at < LOCALTIMESTAMP - ${keptMs}::int * interval '1 millisecond'`;
}
