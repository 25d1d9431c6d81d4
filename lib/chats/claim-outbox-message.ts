import type { Db } from "@/lib/db/client";
import type { OutboxMessage, OutboxState } from "@/lib/db/generated/client";

/**
 * Takes the right to send an outbox row: moves it from one of `from` to SENDING and counts the attempt, in one
 * guarded UPDATE, so that of two requests (two tabs, two app instances) exactly one sends. Null when the row
 * was not in one of those states any more.
 */
export async function claimOutboxMessage(db: Db, outboxId: string, from: OutboxState[]): Promise<OutboxMessage | null> {
  const claimed = await db.outboxMessage.updateMany({
    where: { id: outboxId, state: { in: from } },
    data: { state: "SENDING", attempts: { increment: 1 }, lastError: null },
  });
  if (claimed.count === 0) return null;
  return db.outboxMessage.findUniqueOrThrow({ where: { id: outboxId } });
}
