import type { Db } from "@/lib/db/client";
import { Prisma, type OutboxMessage } from "@/lib/db/generated/client";
import { claimLeases } from "@/lib/jobs/claim-leases";
import { DB_NOW } from "@/lib/jobs/lease-table";
import { releaseLease } from "@/lib/jobs/release-lease";
import type { OzonConnection } from "@/lib/ozon";
import { OUTBOX_LEASE, UNSETTLED_OUTBOX_STATES } from "./outbox-lease";
import type { OutboxSettings } from "./outbox-settings";
import { processOutboxMessage } from "./process-outbox-message";
import { logger } from "@/lib/log/logger";

/** A new row is its send route's to take first; the worker takes it only if the route has not (it died). */
const PENDING_GRACE_MS = 2000;

export type OutboxPassOptions = {
  owner: string;
  settings: OutboxSettings;
  getConnection: (db: Db, accountId: string) => Promise<OzonConnection>;
  /** Rows claimed per pass (default 20). */
  limit?: number;
  /** Chats worked on at once (default 4); a chat's rows go one after another, oldest first. */
  concurrency?: number;
  signal?: AbortSignal;
  log?: (message: string) => void;
};

/**
 * One pass of the outbox worker: claims the unsettled rows nobody holds and whose backoff has passed — left SENDING
 * or UNKNOWN by a crash or a lost answer (their holder's lease ran out), waiting PENDING after a fault, or PENDING
 * and forgotten by a route that died — and runs each through the one path (processOutboxMessage). Several
 * instances' passes never take the same row (lib/jobs claim). Returns how many rows it worked on.
 */
export async function runOutboxPass(db: Db, options: OutboxPassOptions): Promise<number> {
  const ids = await claimLeases(db, OUTBOX_LEASE, {
    owner: options.owner,
    ttlMs: options.settings.leaseTtlMs,
    limit: options.limit ?? 20,
    states: [...UNSETTLED_OUTBOX_STATES],
    where: Prisma.sql`(next_attempt_at IS NULL OR next_attempt_at <= ${Prisma.raw(DB_NOW)})
      AND (state::text <> 'PENDING' OR created_at < ${Prisma.raw(DB_NOW)} - ${PENDING_GRACE_MS}::int * interval '1 millisecond')`,
  });
  if (ids.length === 0) return 0;
  const rows = await db.outboxMessage.findMany({ where: { id: { in: ids } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const byChat = new Map<string, OutboxMessage[]>();
  for (const row of rows) byChat.set(row.chatId, [...(byChat.get(row.chatId) ?? []), row]);

  const queue = [...byChat.values()];
  const log = options.log ?? ((message: string) => logger.warn(message));
  const work = async () => {
    for (let chatRows = queue.shift(); chatRows; chatRows = queue.shift()) {
      for (const row of chatRows) {
        if (options.signal?.aborted) {
          await releaseLease(db, OUTBOX_LEASE, row.id, options.owner);
          continue;
        }
        try {
          const connection = await options.getConnection(db, row.accountId);
          await processOutboxMessage(db, connection, row.id, options.owner, options.settings);
        } catch (error) {
          // The lease runs out and the row is taken again later.
          log(`Outbox: message ${row.id} could not be settled: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, queue.length) }, work));
  return rows.length;
}
