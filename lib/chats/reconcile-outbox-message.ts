import type { Db } from "@/lib/db/client";
import type { Chat, OutboxMessage } from "@/lib/db/generated/client";
import type { OzonConnection } from "@/lib/ozon";
import { findSentMessageCandidates } from "./find-sent-message-candidates";
import { recordOutboxSent } from "./record-outbox-sent";

/**
 * For rows written before `sentAfterMessageId` existed: the send being settled happened shortly before the row
 * was last updated, and our clock and Ozon's differ a little: Ozon messages dated earlier than this before it are
 * not this send.
 */
const RECONCILE_WINDOW_MS = 10 * 60_000;
/** No message can predate its outbox row, give or take the two clocks' difference. */
const RECONCILE_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Settles a row whose send may have reached Ozon (SENDING after a crash or a lost answer, UNKNOWN) by reading the
 * chat's history after the newest message kept before the send: if Ozon has the message, the row becomes SENT
 * (and the message is cached once, with its sender and client id) and is returned. Null when Ozon does not have
 * it: nothing is changed, the caller may send it. Never sends anything itself; Ozon's faults are thrown.
 */
export async function reconcileOutboxMessage(
  db: Db,
  connection: OzonConnection,
  row: OutboxMessage,
  chat: Pick<Chat, "id" | "ozonChatId">,
): Promise<OutboxMessage | null> {
  const bound =
    row.sentAfterMessageId !== null
      ? { afterMessageId: row.sentAfterMessageId }
      : {
          notBefore: new Date(
            Math.max(row.createdAt.getTime() - RECONCILE_CLOCK_SKEW_MS, row.updatedAt.getTime() - RECONCILE_WINDOW_MS),
          ),
        };
  const lookup = await findSentMessageCandidates(connection, chat.ozonChatId, row, { ...bound, pageLimit: 100, maxPages: 5 });
  return recordOutboxSent(db, connection, { row, chat, lookup, from: ["SENDING", "UNKNOWN"], confirmedByOzon: false });
}
