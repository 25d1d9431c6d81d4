import type { Db } from "@/lib/db/client";
import { jobInstanceId } from "@/lib/jobs/job-instance-id";
import type { OzonConnection } from "@/lib/ozon";
import { claimOutboxMessage } from "./claim-outbox-message";
import { readOutboxSettings, type OutboxSettings } from "./outbox-settings";
import { processOutboxMessage, type ProcessedOutboxMessage } from "./process-outbox-message";

export type OutboxRunOptions = {
  /** Lease owner (default this process's jobInstanceId). */
  owner?: string;
  /** Default OUTBOX_* from the environment. */
  settings?: OutboxSettings;
};

/**
 * A request's turn at an outbox row (the send route, an agent's Retry): claims it and runs the one path at once.
 * Null when another request, tab, worker or instance holds it, or it is settled: the caller answers the row as is.
 */
export async function settleOutboxMessageNow(
  db: Db,
  connection: OzonConnection,
  outboxId: string,
  options: OutboxRunOptions = {},
): Promise<ProcessedOutboxMessage | null> {
  const owner = options.owner ?? jobInstanceId();
  const settings = options.settings ?? readOutboxSettings();
  if (!(await claimOutboxMessage(db, outboxId, owner, settings.leaseTtlMs))) return null;
  return processOutboxMessage(db, connection, outboxId, owner, settings);
}
