import type { Db } from "@/lib/db/client";
import { toStoredLiveEvent, type LiveEventRow, type StoredLiveEvent } from "./stored-live-event";

/** One page of events after `afterId`, oldest first; `accountIds` narrows to those accounts (a replay). */
export async function readLiveEventsAfter(
  db: Db,
  afterId: bigint,
  options: { limit: number; accountIds?: readonly string[] },
): Promise<StoredLiveEvent[]> {
  const rows =
    options.accountIds === undefined
      ? await db.$queryRaw<LiveEventRow[]>`
          SELECT id, payload FROM live_events WHERE id > ${afterId} ORDER BY id LIMIT ${options.limit}`
      : options.accountIds.length === 0
        ? []
        : await db.$queryRaw<LiveEventRow[]>`
            SELECT id, payload FROM live_events
            WHERE id > ${afterId} AND account_id = ANY(${[...options.accountIds]}::text[])
            ORDER BY id LIMIT ${options.limit}`;
  return rows.map(toStoredLiveEvent);
}
