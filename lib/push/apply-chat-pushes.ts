import type { Db } from "@/lib/db/client";
import { publishChatChange } from "@/lib/live/publish-chat-change";
import { getChatHistory, isBuyerChatType, normalizeChatType, type OzonChatMessage, type OzonConnection } from "@/lib/ozon";
import { loadCachedChats, type CachedChat } from "@/lib/cache/load-cached-chats";
import { messagePreview, messageText, storeMessages } from "@/lib/cache/store-messages";
import { refreshReplyState } from "@/lib/cache/refresh-reply-state";
import { requestSync } from "@/lib/sync/request-sync";
import { NO_HISTORY_CAP, readHistory, syncChat, type SyncChatContext } from "@/lib/sync/sync-chat";

import type { PushChatEvent } from "./parse-push-payload";
import { toPushedMessage } from "./to-pushed-message";

export type PushApplyContext = { db: Db; accountId: string; connection: OzonConnection; signal?: AbortSignal };

type MessageEvent = Extract<PushChatEvent, { message_type: "TYPE_NEW_MESSAGE" | "TYPE_UPDATE_MESSAGE" }>;

/**
 * Applies one chat's claimed pushes, in the order received, exactly as the sync would store the same facts (the
 * shared cache writers; one row per message whatever the order or repetition of pushes and polls).
 *
 * Fast part, published at once, one live event for the chat (that latency is the point of pushes): each message is stored from its payload; a
 * buyer's or support's message that was new counts as unread; a read marks our messages up to last_read_message_id
 * read; a close closes. A chat not cached yet is created from the payload and its history read backward, as the sync
 * does for a new chat.
 *
 * Open or closed is left to Ozon's list: a buyer writing to a closed chat reopens it [inf], but Ozon does not keep
 * pushes in order, and a close that overtook an older message must not be undone by it (nor the other way round).
 * Either case asks for an incremental poll now, which reads the chat's status from /v3/chat/list (the chat moved to
 * the top, so the poll's first page has it): one list call, and only on a close or a message to a closed chat.
 *
 * Slow part, afterwards (returned as a ChatVerification for verifyChatPushes, so the caller can do it once for
 * several batches): ONE verification read of the chat, forward from the newest message cached before
 * the batch (or from an older pushed message that was not cached: a push arriving after newer ones marks a gap).
 * It fills messages whose push was dropped and brings what a push does not carry (is_image, moderation, order
 * context, the read state); edited messages are re-read by id for their exact text. Published again if it changed
 * anything. Read and close events for a chat the cache does not know are left to the poll, which brings the chat
 * whole.
 */
export async function applyChatPushes(ctx: PushApplyContext, ozonChatId: string, events: PushChatEvent[]): Promise<ChatVerification | null> {
  const { db, accountId } = ctx;
  const syncCtx = syncContextOf(ctx);
  let cached: CachedChat | undefined = (await loadCachedChats(db, accountId, [ozonChatId])).get(ozonChatId);
  let verifyFrom: bigint | null = null;
  const edited = new Set<string>();
  // What the fast part changed, published once for the chat right after it (one event per chat and batch, not per push).
  const changedIds = new Set<bigint>();
  let chatChanged = false;
  let statusInDoubt = false;

  for (const event of events) {
    if (event.message_type === "TYPE_NEW_MESSAGE" || event.message_type === "TYPE_UPDATE_MESSAGE") {
      if (!cached) {
        cached = await createChatFromPush(syncCtx, event);
        verifyFrom = cached.newestMessageId;
        changedIds.add(BigInt(event.message_id));
        continue;
      }
      verifyFrom ??= cached.newestMessageId;
      const message = toPushedMessage(event);
      const id = BigInt(message.messageId);
      const { inserted } = await storeMessages(db, { id: cached.id }, [message]);
      if (inserted > 0) {
        if (message.user.type !== "seller") await countUnread(db, cached.id, [message]);
        if (message.user.type === "customer" && cached.status === "CLOSED") statusInDoubt = true;
        if (id < verifyFrom) verifyFrom = id;
      }
      if (event.message_type === "TYPE_UPDATE_MESSAGE") {
        edited.add(message.messageId);
        if (inserted === 0) await setMessageText(db, cached.id, message);
      }
      changedIds.add(id);
    } else if (event.message_type === "TYPE_MESSAGE_READ") {
      if (!cached) continue;
      const lastRead = BigInt(event.last_read_message_id);
      const read = await db.message.findMany({
        where: { chatId: cached.id, authorType: "seller", isRead: false, ozonMessageId: { lte: lastRead } },
        select: { ozonMessageId: true },
      });
      if (read.length === 0) continue;
      const ids = read.map((m) => m.ozonMessageId);
      await db.message.updateMany({ where: { chatId: cached.id, ozonMessageId: { in: ids } }, data: { isRead: true } });
      for (const id of ids) changedIds.add(id);
    } else {
      if (!cached) continue;
      const closed = await db.chat.updateMany({ where: { id: cached.id, status: { not: "CLOSED" } }, data: { status: "CLOSED" } });
      if (closed.count > 0) {
        chatChanged = true;
        await refreshReplyState(db, cached.id);
      }
      statusInDoubt = true;
    }
  }
  if (statusInDoubt) await requestSync(db, accountId);
  if (cached && (changedIds.size > 0 || chatChanged)) {
    await publishChatChange(db, { accountId, chatId: cached.id, messageIds: [...changedIds] });
  }

  return cached && verifyFrom !== null ? { chat: cached, ozonChatId, from: verifyFrom, edited: [...edited] } : null;
}

/** The slow part still to do for a chat: read forward from `from`, and the edited messages by id. */
export type ChatVerification = { chat: CachedChat; ozonChatId: string; from: bigint; edited: string[] };

/** Two batches' verifications of one chat as one read: from the older start, every edit. */
export function mergeVerifications(a: ChatVerification | undefined, b: ChatVerification): ChatVerification {
  if (!a) return b;
  return { chat: a.chat, ozonChatId: a.ozonChatId, from: a.from < b.from ? a.from : b.from, edited: [...new Set([...a.edited, ...b.edited])] };
}

function syncContextOf(ctx: PushApplyContext): SyncChatContext {
  return { db: ctx.db, accountId: ctx.accountId, connection: ctx.connection, signal: ctx.signal, heartbeat: async () => {}, onHistoryCall: () => {} };
}

/** A chat first heard of in a push: created from the payload, its history read backward as the sync reads a new chat's. */
async function createChatFromPush(syncCtx: SyncChatContext, event: MessageEvent): Promise<CachedChat> {
  const { db, accountId } = syncCtx;
  const chatType = normalizeChatType(event.chat_type);
  await syncChat(
    syncCtx,
    {
      chatId: event.chat_id,
      chatStatus: "OPENED",
      chatType,
      chatTypeRaw: event.chat_type,
      isBuyerChat: isBuyerChatType(event.chat_type),
      // [inf] Ozon's push does not say when the chat began; its first message is as close as the payload gets.
      createdAt: event.created_at,
      firstUnreadMessageId: "0",
      lastMessageId: event.message_id,
      unreadCount: 0,
    },
    undefined,
  );
  const chat = (await loadCachedChats(db, accountId, [event.chat_id])).get(event.chat_id)!;
  // The history was just read whole: its unread buyer/support messages are the chat's unread count [inf].
  const unread = await db.message.findMany({
    where: { chatId: chat.id, isRead: false, authorType: { not: "seller" } },
    select: { ozonMessageId: true },
    orderBy: { ozonMessageId: "asc" },
  });
  await db.chat.update({
    where: { id: chat.id },
    data: { unreadCount: unread.length, firstUnreadMessageId: unread[0]?.ozonMessageId ?? 0n },
  });
  return { ...chat, unreadCount: unread.length };
}

/**
 * Counts newly stored messages from the other side as unread, in one UPDATE so concurrent writers add up:
 * unread_count grows by their number, first_unread_message_id becomes the oldest unread.
 */
async function countUnread(db: Db, chatId: string, messages: OzonChatMessage[]): Promise<void> {
  const unread = messages.filter((m) => m.user.type !== "seller" && !m.isRead);
  if (unread.length === 0) return;
  const oldest = unread.map((m) => BigInt(m.messageId)).reduce((a, b) => (a < b ? a : b));
  await db.$executeRaw`
    UPDATE chats
       SET unread_count = unread_count + ${unread.length}::int,
           first_unread_message_id = CASE WHEN first_unread_message_id = 0 OR first_unread_message_id > ${oldest}::bigint
                                          THEN ${oldest}::bigint ELSE first_unread_message_id END,
           updated_at = now() AT TIME ZONE 'UTC'
     WHERE id = ${chatId}`;
}

/** An edited message's text (storeMessages keeps a stored message's text: Ozon's history never changes it, edits do). */
async function setMessageText(db: Db, chatId: string, message: OzonChatMessage): Promise<void> {
  const ozonMessageId = BigInt(message.messageId);
  const text = messageText(message);
  const updated = await db.message.updateMany({ where: { chatId, ozonMessageId, text: { not: text } }, data: { text } });
  if (updated.count > 0) {
    await db.chat.updateMany({ where: { id: chatId, lastMessageId: ozonMessageId }, data: { lastMessagePreview: messagePreview(message) } });
  }
}

/**
 * The verification read of a chat after its pushes were applied (see applyChatPushes): stores what it finds, counts
 * messages that were missing as unread, corrects what a push could not know, and publishes what changed.
 */
export async function verifyChatPushes(ctx: PushApplyContext, { chat, ozonChatId, from, edited }: ChatVerification): Promise<void> {
  const { db, accountId } = ctx;
  const syncCtx = syncContextOf(ctx);
  const fetched = new Map<bigint, OzonChatMessage>();
  // From 0 (a chat cached without messages): its whole history, from the start [inf: Forward from 0 = from the first].
  for (const m of await readHistory(syncCtx, ozonChatId, "Forward", from, NO_HISTORY_CAP)) fetched.set(BigInt(m.messageId), m);
  const unseenEdits = edited.filter((id) => !fetched.has(BigInt(id)));
  if (unseenEdits.length > 0) {
    const page = await getChatHistory(ctx.connection, { chatId: ozonChatId, messageIds: unseenEdits, limit: unseenEdits.length }, { signal: ctx.signal });
    for (const m of page.messages) fetched.set(BigInt(m.messageId), m);
  }
  if (fetched.size === 0) return;

  const ids = [...fetched.keys()];
  const select = { ozonMessageId: true, text: true, isRead: true, isImage: true, moderationStatus: true, orderNumber: true, sku: true } as const;
  const before = new Map((await db.message.findMany({ where: { chatId: chat.id, ozonMessageId: { in: ids } }, select })).map((r) => [r.ozonMessageId, r]));
  const messages = [...fetched.values()];
  await storeMessages(db, { id: chat.id }, messages);

  const changed: bigint[] = [];
  const fresh = messages.filter((m) => !before.has(BigInt(m.messageId)));
  for (const m of fresh) changed.push(BigInt(m.messageId));
  // Messages this read found missing (dropped pushes) count as unread like pushed ones. A poll storing the same
  // message in the instant between the read above and this one would be counted twice until its summary lands.
  await countUnread(db, chat.id, fresh);

  for (const [id, row] of before) {
    const m = fetched.get(id)!;
    const exact = {
      text: messageText(m),
      isImage: m.isImage,
      orderNumber: m.context?.orderNumber ?? null,
      sku: m.context?.sku ?? null,
    };
    const differs =
      row.text !== exact.text || row.isImage !== exact.isImage || row.orderNumber !== exact.orderNumber || row.sku !== exact.sku;
    if (differs) {
      await db.message.updateMany({ where: { chatId: chat.id, ozonMessageId: id }, data: exact });
      if (row.text !== exact.text || row.isImage !== exact.isImage) {
        await db.chat.updateMany({
          where: { id: chat.id, lastMessageId: id },
          data: { lastMessagePreview: messagePreview(m) },
        });
      }
    }
    if (differs || row.isRead !== m.isRead || row.moderationStatus !== m.moderateImageStatus) changed.push(id);
  }
  if (changed.length > 0) await publishChatChange(db, { accountId, chatId: chat.id, messageIds: changed });
}
