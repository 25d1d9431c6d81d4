import type { Db } from "@/lib/db/client";
import type { Chat, OutboxMessage } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import { getChatHistory, isOzonApiError, sendFile, sendMessage, type OzonConnection } from "@/lib/ozon";
import { findSentMessageCandidates, type SentMessageLookup } from "./find-sent-message-candidates";
import { toOutboxOutcome, type OutboxOutcome } from "./outbox-outcome";
import { recordOutboxSent } from "./record-outbox-sent";

export const OUTCOME_UNKNOWN_WORDS =
  "Ozon did not confirm this message: it may or may not have been delivered. Press Retry: the inbox first checks " +
  "the chat and sends it again only if Ozon does not have it.";

/**
 * Sends an outbox row that the caller has claimed (state SENDING), then records what happened:
 * - Ozon confirmed: the message is looked up in the chat's recent history to learn its id, stored with the
 *   agent who sent it, and the row is SENT;
 * - Ozon refused (window closed, invalid, ...): FAILED with Ozon's reason, and the refusal is thrown;
 * - no answer (timeout, dropped connection, 5xx): UNKNOWN, never resent blindly (see reconcileOutboxMessage).
 */
export async function deliverOutboxMessage(
  db: Db,
  connection: OzonConnection,
  row: OutboxMessage,
  chat: Pick<Chat, "id" | "ozonChatId">,
): Promise<OutboxOutcome> {
  let newestBeforeSend: bigint;
  try {
    // Ozon's own newest message, not the cache's: the cache may lag, and an older message with the same
    // text must not be taken for this one.
    const newest = await getChatHistory(connection, { chatId: chat.ozonChatId, direction: "Backward", limit: 1 });
    newestBeforeSend = BigInt(newest.messages[0]?.messageId ?? "0");
    // Kept before sending: if Ozon's answer is lost, a later reconciliation still knows where to look.
    await db.outboxMessage.update({ where: { id: row.id }, data: { sentAfterMessageId: newestBeforeSend } });
  } catch (error) {
    await markFailed(db, row, error);
    throw error;
  }

  try {
    if (row.kind === "TEXT") {
      await sendMessage(connection, { chatId: chat.ozonChatId, text: row.text ?? "" });
    } else {
      await sendFile(connection, { chatId: chat.ozonChatId, name: row.fileName ?? "", content: row.fileContent ?? new Uint8Array() });
    }
  } catch (error) {
    // Anything but a clear answer from Ozon may have reached it: never resend blindly.
    if (!isOzonApiError(error) || error.outcomeUnknown) {
      await db.outboxMessage.updateMany({
        where: { id: row.id, state: "SENDING" },
        data: { state: "UNKNOWN", lastError: OUTCOME_UNKNOWN_WORDS },
      });
      throw new ApiError(503, "outcome_unknown", OUTCOME_UNKNOWN_WORDS);
    }
    await markFailed(db, row, error);
    throw error;
  }

  let lookup: SentMessageLookup = { candidates: [], recent: [] };
  try {
    lookup = await findSentMessageCandidates(connection, chat.ozonChatId, row, { afterMessageId: newestBeforeSend });
  } catch (error) {
    // Ozon has the message; only its id is unknown. The sync will bring it into the cache.
    if (!isOzonApiError(error)) throw error;
  }
  const recorded = await recordOutboxSent(db, connection, { row, chat, lookup, from: ["SENDING"], confirmedByOzon: true });
  return toOutboxOutcome(db, recorded ?? (await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })));
}

/** Nothing reached Ozon (or Ozon refused it): the row may be sent again, and says why it was not. */
async function markFailed(db: Db, row: OutboxMessage, error: unknown): Promise<void> {
  const reason = isOzonApiError(error) ? error.message : "The message could not be sent because of an error on the server.";
  await db.outboxMessage.updateMany({ where: { id: row.id, state: "SENDING" }, data: { state: "FAILED", lastError: reason } });
}
