import type { Db } from "@/lib/db/client";

import type { ProcessPushEventsOptions } from "./process-push-events";
import { startPushProcessing } from "./start-push-processing";

/**
 * Called on every sync scheduler tick: starts processing for accounts whose pushes wait with nobody on them — a
 * claim left behind by a crashed instance, a retry whose delay has passed, an event whose receiving instance stopped
 * before it processed it. Accounts this process already works are skipped by startPushProcessing itself.
 */
export async function sweepPushEvents(db: Db, options: ProcessPushEventsOptions & { log?: (message: string) => void } = {}): Promise<number> {
  const rows = await db.$queryRaw<{ account_id: string }[]>`
    SELECT DISTINCT account_id FROM push_events
     WHERE state IN ('PENDING', 'PROCESSING')
       AND (claimed_until IS NULL OR claimed_until < (now() AT TIME ZONE 'UTC'))
     LIMIT 50`;
  for (const row of rows) void startPushProcessing(db, row.account_id, options);
  return rows.length;
}
