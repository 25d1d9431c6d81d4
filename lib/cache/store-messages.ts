import { attributeOutboxMessages } from "@/lib/cache/attribute-outbox-messages";
import type { OzonChatMessage } from "@/lib/ozon";
import { updateChatReplyWindow } from "@/lib/reply-window/update-chat-reply-window";

import { runInTransaction, type DbClient } from "./db-client";
import { lockChatRow } from "./lock-chat-row";
import { markChatTurns } from "./mark-chat-turns";
import { refreshReplyState } from "./refresh-reply-state";

export type StoreMessagesOptions = {
  /** The agent who sent every one of these messages from the inbox. */
  sentByUserId?: string;
  /** Per message (Ozon's id as a decimal string): the agent who sent it from the inbox, if any. */
  sentByUserIdFor?: (messageId: string) => string | undefined;
};

const PREVIEW_MAX_CHARS = 140;
/** What the chat list shows for a message that is an image. */
export const IMAGE_PREVIEW = "[Image]";

/** Ozon sends a message's content as markdown strings, usually one. */
export function messageText(message: OzonChatMessage): string {
  return message.data.join("\n");
}

/** First ~140 characters (code points, so an emoji is never cut in half), whitespace collapsed. */
export function messagePreview(message: OzonChatMessage): string {
  return message.isImage ? IMAGE_PREVIEW : textPreview(messageText(message));
}

/** A text's preview in the chat list (also a question's or review's, lib/feedback). */
export function textPreview(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  return chars.length <= PREVIEW_MAX_CHARS ? flat : `${chars.slice(0, PREVIEW_MAX_CHARS - 1).join("")}…`;
}

// Each row binds about 13 parameters: 500 rows stay far below PostgreSQL's 65 535.
const CHUNK = 500;

/**
 * Stores messages of one chat, idempotently: a message already stored (same chat, same Ozon id) stays one
 * row; what Ozon may change later on it (is_read, the image's moderation status) is brought up to date, and
 * a known sender is filled in. Messages are written oldest first, chunk by chunk, so the cache always holds
 * a chat's history up to some message even if this is interrupted.
 *
 * Messages from this inbox's outbox get their agent and client id (attributeOutboxMessages), also when this store
 * comes before the send has settled its row: the row is settled here then.
 *
 * The chat's last-message columns move to the newest message stored when it is at least as new as what the
 * chat already shows; its orderNumber follows the newest message carrying an order. Afterwards the chat's reply
 * state (awaiting_since, team status) follows the messages (refreshReplyState), and a buyer's message moves the
 * chat's reply window (Ozon's rule of when the seller may write, lib/reply-window). A new buyer or seller message,
 * or a sender filled in, marks the chat's turns (the metrics') to be computed again (markChatTurns).
 */
export async function storeMessages(
  db: DbClient,
  chat: { id: string },
  messages: OzonChatMessage[],
  options: StoreMessagesOptions = {},
): Promise<{ inserted: number }> {
  // Message ids are uint64: compare them as bigint, never as numbers.
  const unique = [...new Map(messages.map((m) => [BigInt(m.messageId), m])).entries()].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  let inserted = 0;

  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    await runInTransaction(db, async (tx) => {
      await lockChatRow(tx, chat.id);
      const authors = await attributeOutboxMessages(tx, chat.id, chunk.map(([, m]) => m));
      const senderOf = (m: OzonChatMessage) =>
        authors.get(m.messageId)?.userId ?? options.sentByUserIdFor?.(m.messageId) ?? options.sentByUserId ?? null;
      const existing = await tx.message.findMany({
        where: { chatId: chat.id, ozonMessageId: { in: chunk.map(([id]) => id) } },
        select: { id: true, ozonMessageId: true, isRead: true, moderationStatus: true, sentByUserId: true, clientId: true },
      });
      const byId = new Map(existing.map((r) => [r.ozonMessageId, r]));

      const fresh = chunk.filter(([id]) => !byId.has(id));
      // A new buyer or seller message, or a sender learnt late: the chat's turns (metrics) are computed again.
      let turnsChanged = fresh.some(([, m]) => m.user.type === "customer" || m.user.type === "seller");
      if (fresh.length > 0) {
        const created = await tx.message.createMany({
          data: fresh.map(([id, m]) => ({
            chatId: chat.id,
            ozonMessageId: id,
            authorType: m.user.type,
            authorId: m.user.id,
            text: messageText(m),
            isImage: m.isImage,
            moderationStatus: m.moderateImageStatus,
            isRead: m.isRead,
            createdAt: new Date(m.createdAt),
            sentByUserId: senderOf(m),
            clientId: authors.get(m.messageId)?.clientId ?? null,
            orderNumber: m.context?.orderNumber ?? null,
            sku: m.context?.sku ?? null,
          })),
          // A concurrent writer (the sender storing its own message, another sync) may win the race.
          skipDuplicates: true,
        });
        inserted += created.count;
      }

      for (const [id, m] of chunk) {
        const row = byId.get(id);
        if (!row) continue;
        const sender = senderOf(m);
        const clientId = authors.get(m.messageId)?.clientId;
        const data = {
          ...(clientId && !row.clientId ? { clientId } : {}),
          ...(row.isRead !== m.isRead ? { isRead: m.isRead } : {}),
          ...(row.moderationStatus !== m.moderateImageStatus ? { moderationStatus: m.moderateImageStatus } : {}),
          ...(sender && !row.sentByUserId ? { sentByUserId: sender } : {}),
        };
        if (Object.keys(data).length > 0) await tx.message.update({ where: { id: row.id }, data });
        if (data.sentByUserId) turnsChanged = true;
      }
      if (turnsChanged) await markChatTurns(tx, chat.id);

      // Before the last-message columns move: the condition compares with what the chat showed until now.
      const withOrder = chunk.findLast(([, m]) => m.context?.orderNumber);
      if (withOrder) {
        const [orderMessageId, orderMessage] = withOrder;
        const orderNumber = orderMessage.context!.orderNumber;
        // A new order: its postings (the reply window's) are to be read (lib/reply-window/refresh-account-postings.ts).
        await tx.chat.updateMany({
          where: {
            id: chat.id,
            OR: [{ orderNumber: null }, { lastMessageId: { lte: orderMessageId }, NOT: { orderNumber } }],
          },
          data: { orderNumber, postingsCheckedAt: null },
        });
      }

      const [newestId, newest] = chunk[chunk.length - 1]!;
      await tx.chat.updateMany({
        where: { id: chat.id, OR: [{ lastMessageAt: null }, { lastMessageId: { lte: newestId } }] },
        data: {
          lastMessageId: newestId,
          lastMessageAt: new Date(newest.createdAt),
          lastMessagePreview: messagePreview(newest),
          lastMessageAuthor: newest.user.type,
        },
      });
    });
  }
  // Who wrote last decides whether a reply is owed, when Ozon's 48 h window started, and moves the team status.
  if (unique.length > 0) await refreshReplyState(db, chat.id);
  if (unique.some(([, m]) => m.user.type === "customer")) await updateChatReplyWindow(db, chat.id);
  return { inserted };
}
