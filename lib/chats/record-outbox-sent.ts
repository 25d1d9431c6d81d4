import { lockChatRow } from "@/lib/cache/lock-chat-row";
import { markChatTurns } from "@/lib/cache/mark-chat-turns";
import { NO_OUTBOX_ERROR } from "@/lib/cache/outbox-error";
import type { Db } from "@/lib/db/client";
import type { Chat, OutboxMessage, OutboxState } from "@/lib/db/generated/client";
import { publishChatChange } from "@/lib/live/publish-chat-change";
import { isOzonApiError, type OzonConnection } from "@/lib/ozon";
import type { SentMessageLookup } from "./find-sent-message-candidates";
import { storeRecentMessages } from "./store-recent-messages";

export type RecordOutboxSentInput = {
  row: OutboxMessage;
  chat: Pick<Chat, "id" | "ozonChatId">;
  /** From findSentMessageCandidates. */
  lookup: SentMessageLookup;
  /** The states the row may be recorded from (guards against a concurrent change). */
  from: OutboxState[];
  /**
   * True when Ozon confirmed the send: the row is SENT even when its message is not found (the sync brings
   * the message later). False (reconciling an unknown outcome): without a message, nothing is recorded.
   */
  confirmedByOzon: boolean;
};

/**
 * Marks an outbox row SENT with the Ozon message it became (giving up the row's lease), and stores that message in
 * the cache with the agent who sent it and the row's client id, so the cache holds one row for it (the sync later finds it already there).
 *
 * The chat row is locked while a candidate is picked: two sends of the same text to one chat must not claim
 * the same Ozon message. Returns the row afterwards, or null when nothing was recorded.
 */
export async function recordOutboxSent(
  db: Db,
  connection: OzonConnection,
  input: RecordOutboxSentInput,
): Promise<OutboxMessage | null> {
  const { row, lookup } = input;
  const chatId = input.chat.id;
  const picked = await db.$transaction(async (tx) => {
    await lockChatRow(tx, chatId);
    const ids = lookup.candidates.map((message) => BigInt(message.messageId));
    const claimed = ids.length
      ? await tx.outboxMessage.findMany({
          where: { chatId, id: { not: row.id }, ozonMessageId: { in: ids }, state: "SENT" },
          select: { ozonMessageId: true },
        })
      : [];
    const taken = new Set(claimed.map((other) => other.ozonMessageId?.toString()));
    // A message the cache already holds as another outbox row's (the sync settled that row first).
    const attributed = ids.length
      ? await tx.message.findMany({
          where: { chatId, ozonMessageId: { in: ids }, clientId: { not: null, notIn: [row.clientId] } },
          select: { ozonMessageId: true },
        })
      : [];
    for (const message of attributed) taken.add(message.ozonMessageId.toString());
    const message = lookup.candidates.find((candidate) => !taken.has(candidate.messageId)) ?? null;
    if (!message && !input.confirmedByOzon) return { updated: false, message: null };
    const updated = await tx.outboxMessage.updateMany({
      where: { id: row.id, state: { in: input.from } },
      data: {
        state: "SENT",
        ozonMessageId: message ? BigInt(message.messageId) : null,
        sentAt: new Date(),
        ...NO_OUTBOX_ERROR,
        // The bytes were kept only for a retry.
        fileContent: null,
        leaseOwner: null,
        leaseUntil: null,
        nextAttemptAt: null,
      },
    });
    // The message's agent (the metrics' turns) may be known only now, by this row.
    if (updated.count === 1 && message) await markChatTurns(tx, chatId);
    return { updated: updated.count === 1, message };
  });
  if (!picked.updated) return null;

  if (picked.message) {
    // With the messages around it, and its sender (also filled in when the sync stored it first).
    try {
      await storeRecentMessages(db, connection, input.chat, lookup.recent);
    } catch (error) {
      // The message is sent and recorded; only the cache waits for the sync.
      if (!isOzonApiError(error)) throw error;
    }
    // Every tab of the account shows the sent message (the sender's own tab dedupes it by id).
    await publishChatChange(db, { accountId: row.accountId, chatId, messageIds: [BigInt(picked.message.messageId)] });
  }
  return db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
}
