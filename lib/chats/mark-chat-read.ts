import { lockChatRow } from "@/lib/cache/lock-chat-row";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { publishChatChange } from "@/lib/live/publish-chat-change";
import { markChatRead as markOzonChatRead, type OzonConnection } from "@/lib/ozon";
import { findAccountChat } from "./find-account-chat";
import { sumAccountUnread } from "@/lib/cache/sum-account-unread";

export const markChatReadRequestSchema = z.object({
  /** Ozon's id of the newest message read; this one and every earlier one become read. Absent: the whole chat. */
  messageId: z
    .string({ error: "messageId must be a message id (digits only)" })
    .regex(/^\d{1,20}$/, { error: "messageId must be a message id (digits only)" })
    .optional(),
});
export type MarkChatReadRequest = z.input<typeof markChatReadRequestSchema>;

export const markChatReadResponseSchema = z.object({
  chatId: z.string(),
  /** Unread messages left in the chat, as Ozon counts them. */
  unreadCount: z.number().int(),
  /** The account's unread messages over all its chats, after this. */
  totalUnread: z.number().int(),
});
export type MarkChatReadResponse = z.infer<typeof markChatReadResponseSchema>;

/**
 * Marks a chat read up to a message: Ozon first (it is the truth the next sync brings back), then the cache,
 * so the badges drop at once. Repeating it changes nothing, and costs no Ozon call: a chat the cache already shows
 * read up to that message (every unread message Ozon counted is cached, none of them that old) is answered from
 * the cache. That matters when several tabs or colleagues have the chat open: each of them marks every new message
 * read as it appears.
 */
export async function markChatRead(
  db: Db,
  connection: OzonConnection,
  target: { accountId: string; chatId: string },
  request: MarkChatReadRequest,
): Promise<MarkChatReadResponse> {
  const { messageId } = markChatReadRequestSchema.parse(request);
  const chat = await findAccountChat(db, target.accountId, target.chatId);
  const upTo = messageId === undefined ? null : BigInt(messageId);

  const unreadCached = await db.message.findMany({
    where: { chatId: chat.id, isRead: false, authorType: { not: "seller" } },
    select: { ozonMessageId: true },
  });
  const cacheIsComplete = unreadCached.length === chat.unreadCount;
  if (cacheIsComplete && !unreadCached.some((m) => upTo === null || m.ozonMessageId <= upTo)) {
    return { chatId: chat.id, unreadCount: chat.unreadCount, totalUnread: await sumAccountUnread(db, target.accountId) };
  }

  const { unreadCount } = await markOzonChatRead(connection, {
    chatId: chat.ozonChatId,
    ...(upTo !== null ? { fromMessageId: upTo } : {}),
  });

  await db.$transaction(async (tx) => {
    await lockChatRow(tx, chat.id);
    await tx.message.updateMany({
      where: { chatId: chat.id, isRead: false, ...(upTo !== null ? { ozonMessageId: { lte: upTo } } : {}) },
      data: { isRead: true },
    });
    const firstUnread =
      unreadCount === 0
        ? null
        : await tx.message.findFirst({
            where: { chatId: chat.id, isRead: false, authorType: { not: "seller" } },
            orderBy: { ozonMessageId: "asc" },
            select: { ozonMessageId: true },
          });
    await tx.chat.update({
      where: { id: chat.id },
      data: { unreadCount, firstUnreadMessageId: firstUnread?.ozonMessageId ?? 0n },
    });
  });

  // The user's other tabs and colleagues see the badge drop too.
  await publishChatChange(db, { accountId: target.accountId, chatId: chat.id });
  return { chatId: chat.id, unreadCount, totalUnread: await sumAccountUnread(db, target.accountId) };
}
