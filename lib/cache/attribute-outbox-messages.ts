import type { Prisma } from "@/lib/db/generated/client";
import type { OzonChatMessage } from "@/lib/ozon";
import { matchesOutboxMessage } from "./matches-outbox-message";
import { NO_OUTBOX_ERROR } from "./outbox-error";

/** Who sent a message from this inbox: the agent, and the browser's id of the outbox row it came from. */
export type OutboxAuthor = { userId: string; clientId: string };

/**
 * Which of a chat's messages (about to be cached) came from this inbox's outbox, whoever stores them first — the
 * send itself, the sync, a push:
 * - rows SENT with the message's id;
 * - rows whose send may have reached Ozon and are not settled yet (SENDING, UNKNOWN, or SENT without the id when
 *   Ozon confirmed but the id was not found): the seller's message with the row's content, newer than the chat's
 *   newest id kept before the send, is this row's. The row is settled SENT with it here, under the chat's lock
 *   (lockChatRow: the caller holds it, and recordOutboxSent takes it too), so a message is claimed by one row and
 *   the row by one message.
 * Messages already cached with a client id keep it. Returns the authors by Ozon message id (decimal).
 */
export async function attributeOutboxMessages(
  tx: Prisma.TransactionClient,
  chatId: string,
  messages: OzonChatMessage[],
): Promise<Map<string, OutboxAuthor>> {
  const authors = new Map<string, OutboxAuthor>();
  const seller = messages.filter((message) => message.user.type === "seller");
  if (seller.length === 0) return authors;
  const sellerIds = seller.map((message) => BigInt(message.messageId));

  const rows = await tx.outboxMessage.findMany({
    where: {
      chatId,
      OR: [
        { state: "SENT", ozonMessageId: { in: sellerIds } },
        { state: { in: ["SENDING", "UNKNOWN", "SENT"] }, ozonMessageId: null, sentAfterMessageId: { not: null } },
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, userId: true, clientId: true, ozonMessageId: true, sentAfterMessageId: true, kind: true, text: true, fileName: true },
  });
  for (const row of rows) {
    if (row.ozonMessageId !== null) authors.set(row.ozonMessageId.toString(), { userId: row.userId, clientId: row.clientId });
  }
  const open = rows.filter((row) => row.ozonMessageId === null);
  if (open.length === 0) return authors;

  const cached = await tx.message.findMany({
    where: { chatId, ozonMessageId: { in: sellerIds }, clientId: { not: null } },
    select: { ozonMessageId: true, clientId: true, sentByUserId: true },
  });
  const cachedClientIds = new Set<string>();
  for (const message of cached) {
    cachedClientIds.add(message.clientId!);
    if (!authors.has(message.ozonMessageId.toString()) && message.sentByUserId) {
      authors.set(message.ozonMessageId.toString(), { userId: message.sentByUserId, clientId: message.clientId! });
    }
  }

  const ascending = [...seller].sort((a, b) => (BigInt(a.messageId) < BigInt(b.messageId) ? -1 : 1));
  for (const message of ascending) {
    if (authors.has(message.messageId)) continue;
    const id = BigInt(message.messageId);
    const row = open.find(
      (candidate) => !cachedClientIds.has(candidate.clientId) && candidate.sentAfterMessageId! < id && matchesOutboxMessage(message, candidate),
    );
    if (!row) continue;
    const settled = await tx.outboxMessage.updateMany({
      where: { id: row.id, ozonMessageId: null, state: { in: ["SENDING", "UNKNOWN", "SENT"] } },
      data: { state: "SENT", ozonMessageId: id, sentAt: new Date(), ...NO_OUTBOX_ERROR, fileContent: null, leaseOwner: null, leaseUntil: null, nextAttemptAt: null },
    });
    open.splice(open.indexOf(row), 1);
    if (settled.count === 1) authors.set(message.messageId, { userId: row.userId, clientId: row.clientId });
  }
  return authors;
}
