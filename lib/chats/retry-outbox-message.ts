import type { Db } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import type { OzonConnection } from "@/lib/ozon";
import { claimOutboxMessage } from "./claim-outbox-message";
import { deliverOutboxMessage, OUTCOME_UNKNOWN_WORDS } from "./deliver-outbox-message";
import { findAccountChat } from "./find-account-chat";
import { outboxOutcomeSchema, toOutboxOutcome, type OutboxOutcome } from "./outbox-outcome";
import { reconcileOutboxMessage } from "./reconcile-outbox-message";

/**
 * A row SENDING for longer than this lost its request (the process stopped mid-send): its outcome is unknown.
 * Far above the Ozon client's per-call timeout.
 */
export const STALE_SENDING_MS = 2 * 60_000;

export const retryOutboxMessageResponseSchema = outboxOutcomeSchema;
export type RetryOutboxMessageResponse = OutboxOutcome;

/**
 * Retry of an outbox row. SENT: nothing to do. SENDING: still in flight (unless stale). UNKNOWN: the chat is
 * read first — a message Ozon already has is recorded, never sent twice. FAILED (or never started): sent again.
 */
export async function retryOutboxMessage(
  db: Db,
  connection: OzonConnection,
  target: { accountId: string; chatId: string; outboxId: string },
): Promise<RetryOutboxMessageResponse> {
  const chat = await findAccountChat(db, target.accountId, target.chatId);
  let row = await db.outboxMessage.findFirst({ where: { id: target.outboxId, accountId: target.accountId, chatId: chat.id } });
  if (!row) throw new ApiError(404, "not_found", "This message was not found in this chat's outbox.");

  if (row.state === "SENDING" && Date.now() - row.updatedAt.getTime() > STALE_SENDING_MS) {
    await db.outboxMessage.updateMany({
      where: { id: row.id, state: "SENDING", updatedAt: row.updatedAt },
      // updatedAt stays the moment the lost attempt began: reconciling looks for the message from then on.
      data: { state: "UNKNOWN", lastError: OUTCOME_UNKNOWN_WORDS, updatedAt: row.updatedAt },
    });
    row = await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
  }
  if (row.state === "UNKNOWN") row = await reconcileOutboxMessage(db, connection, row, chat);
  if (row.state === "SENT" || row.state === "SENDING" || row.state === "UNKNOWN") return toOutboxOutcome(db, row);

  const claimed = await claimOutboxMessage(db, row.id, ["FAILED", "PENDING"]);
  if (!claimed) return toOutboxOutcome(db, await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } }));
  return deliverOutboxMessage(db, connection, claimed, chat);
}
