import type { Db } from "@/lib/db/client";
import type { OutboxMessage } from "@/lib/db/generated/client";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { toOutboxView } from "@/lib/cache/outbox-view";
import { logger } from "@/lib/log/logger";

/** Tells every tab of the account what became of an outbox row. Never throws: the row is already stored. */
export async function publishOutboxChange(db: Db, row: OutboxMessage): Promise<void> {
  try {
    await publishLiveEvent(db, { kind: "outbox", accountId: row.accountId, outbox: toOutboxView(row) });
  } catch (error) {
    logger.warn({ outboxId: row.id }, `live: could not publish outbox row ${row.id}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
}
