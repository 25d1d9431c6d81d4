import type { Db } from "@/lib/db/client";

/**
 * What a replay can rely on: `oldestKept` is the smallest id still stored (null: none), `newest` the last id the
 * sequence handed out (0: none yet). Events in between that are missing were pruned or never committed.
 */
export async function readLiveEventHorizon(db: Db): Promise<{ oldestKept: bigint | null; newest: bigint }> {
  const rows = await db.$queryRaw<{ oldest: bigint | null; newest: bigint | null; called: boolean }[]>`
    SELECT (SELECT min(id) FROM live_events) AS oldest, s.last_value AS newest, s.is_called AS called
    FROM live_events_id_seq s`;
  const row = rows[0]!;
  return {
    oldestKept: row.oldest === null ? null : BigInt(row.oldest),
    newest: row.called && row.newest !== null ? BigInt(row.newest) : 0n,
  };
}
