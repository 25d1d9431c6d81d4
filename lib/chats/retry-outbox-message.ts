import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { OzonConnection } from "@/lib/ozon";
import { findAccountChat } from "./find-account-chat";
import { toOutboxOutcome, type OutboxOutcome } from "./outbox-outcome";
import { settleOutboxMessageNow, type OutboxRunOptions } from "./settle-outbox-message-now";

export type RetryOutboxMessageResponse = OutboxOutcome;

/**
 * An agent's Retry of an outbox row: the outbox worker's path, at once. SENT: nothing to do. FAILED: sent again.
 * PENDING or UNKNOWN waiting for a backoff: taken now (an UNKNOWN one is looked for in the chat first, never sent
 * twice). Held by another request or instance (in flight): answered as it is.
 */
export async function retryOutboxMessage(
  db: Db,
  connection: OzonConnection,
  target: { accountId: string; chatId: string; outboxId: string },
  options: OutboxRunOptions = {},
): Promise<RetryOutboxMessageResponse> {
  const chat = await findAccountChat(db, target.accountId, target.chatId);
  const row = await db.outboxMessage.findFirst({ where: { id: target.outboxId, accountId: target.accountId, chatId: chat.id } });
  if (!row) throw new AppError("outbox_message_not_found");

  if (row.state === "FAILED") {
    await db.outboxMessage.updateMany({ where: { id: row.id, state: "FAILED" }, data: { state: "PENDING", nextAttemptAt: null } });
  } else if (row.state !== "SENT") {
    await db.outboxMessage.updateMany({ where: { id: row.id, state: row.state }, data: { nextAttemptAt: null } });
  }
  const processed = row.state === "SENT" ? null : await settleOutboxMessageNow(db, connection, row.id, options);
  if (processed?.refusal) throw processed.refusal;
  return toOutboxOutcome(db, processed?.row ?? (await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })));
}
