import type { Db } from "@/lib/db/client";
import type { Chat, OutboxMessage } from "@/lib/db/generated/client";
import type { OzonConnection } from "@/lib/ozon";
import { findSentMessageCandidates } from "./find-sent-message-candidates";
import { recordOutboxSent } from "./record-outbox-sent";

/**
 * For rows written before `sentAfterMessageId` existed: the send being settled happened shortly before the row
 * was marked UNKNOWN (its updatedAt; within the client's timeout, at most 2 minutes), and our clock and Ozon's
 * differ a little: Ozon messages dated earlier than this before it are not this send.
 */
export const RECONCILE_WINDOW_MS = 10 * 60_000;
/** No message can predate its outbox row, give or take the two clocks' difference. */
export const RECONCILE_CLOCK_SKEW_MS = 5 * 60_000;

export const NOT_DELIVERED_WORDS = "Ozon does not have this message: it was not delivered. Press Retry to send it.";

/**
 * Settles an UNKNOWN outbox row by reading the chat's recent history: if Ozon has the message, the row becomes
 * SENT (and the message is cached once, with its sender); if not, FAILED, so that it may be sent again. Never
 * sends anything itself. Returns the row afterwards (unchanged if it was not UNKNOWN any more).
 */
export async function reconcileOutboxMessage(
  db: Db,
  connection: OzonConnection,
  row: OutboxMessage,
  chat: Pick<Chat, "id" | "ozonChatId">,
): Promise<OutboxMessage> {
  const bound =
    row.sentAfterMessageId !== null
      ? { afterMessageId: row.sentAfterMessageId }
      : {
          notBefore: new Date(
            Math.max(row.createdAt.getTime() - RECONCILE_CLOCK_SKEW_MS, row.updatedAt.getTime() - RECONCILE_WINDOW_MS),
          ),
        };
  const lookup = await findSentMessageCandidates(connection, chat.ozonChatId, row, { ...bound, pageLimit: 100, maxPages: 5 });
  const recorded = await recordOutboxSent(db, connection, { row, chat, lookup, from: ["UNKNOWN"], confirmedByOzon: false });
  if (recorded) return recorded;
  await db.outboxMessage.updateMany({
    where: { id: row.id, state: "UNKNOWN" },
    data: { state: "FAILED", lastError: NOT_DELIVERED_WORDS },
  });
  return db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
}
