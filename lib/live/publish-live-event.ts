import type { Db } from "@/lib/db/client";
import type { LiveEvent } from "./live-event";
import { wakeLocalBuses } from "./wake-local-buses";

/** The PostgreSQL channel every instance's bus LISTENs on; the payload is the new live_events id. */
export const LIVE_EVENTS_CHANNEL = "live_events";

/**
 * Stores the event (its id becomes the SSE event id, so a reconnecting tab can replay from it) and wakes the
 * fan-out: pg_notify reaches the buses of every instance on PostgreSQL (delivered at commit), the local wake-up
 * the buses of this process (the only ones an embedded PGlite database has). Returns the event's id.
 */
export async function publishLiveEvent(db: Db, event: LiveEvent): Promise<bigint> {
  // One statement: the insert and the notify commit together, so no bus is woken for a row it cannot see yet.
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    WITH inserted AS (
      INSERT INTO live_events (account_id, kind, payload)
      VALUES (${event.accountId}, ${event.kind}, ${JSON.stringify(event)}::jsonb)
      RETURNING id
    )
    SELECT id, pg_notify(${LIVE_EVENTS_CHANNEL}, id::text)::text AS notified FROM inserted`;
  wakeLocalBuses(db);
  return BigInt(rows[0]!.id);
}
