import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { getChatHistory, isOzonApiError, type OzonConnection } from "@/lib/ozon";
import { storeMessages } from "@/lib/cache/store-messages";
import { AppError } from "@/lib/errors/app-error";
import { findAccountChat } from "./find-account-chat";
import { messageViewSchema, toMessageView } from "@/lib/cache/message-view";
import { outboxViewSchema, toOutboxView } from "@/lib/cache/outbox-view";

const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

const LIMIT_WORDS = "limit must be a whole number from 1 to 100";

export const listCachedMessagesRequestSchema = z.object({
  /** Ozon's id of the oldest message the browser has; the page holds older ones. */
  before: optionalParam(z.string().regex(/^\d{1,20}$/, { error: "before must be a message id (digits only)" })),
  /** Ozon's id of a message to open the chat at (a search result): the page holds it and its neighbours. */
  around: optionalParam(z.string().regex(/^\d{1,20}$/, { error: "around must be a message id (digits only)" })),
  limit: optionalParam(
    z.coerce.number({ error: LIMIT_WORDS }).int({ error: LIMIT_WORDS }).min(1, { error: LIMIT_WORDS }).max(100, { error: LIMIT_WORDS }),
  ).default(50),
});
export type ListCachedMessagesRequest = z.input<typeof listCachedMessagesRequestSchema>;

export const listCachedMessagesResponseSchema = z.object({
  /** Oldest first within the page (ready to render top to bottom). */
  messages: z.array(messageViewSchema),
  /** Older messages exist: ask again with `before` = the first message's id. */
  hasMore: z.boolean(),
  /** Sent from this inbox but not (yet) in Ozon's history: pending, sending, unknown or failed, oldest first. */
  outbox: z.array(outboxViewSchema),
  /** Set when Ozon could not be asked for older messages; the cached ones are still shown. */
  notice: z.string().nullable(),
  /** Only with `around`: newer messages than the page's exist. */
  hasNewer: z.boolean().optional(),
});
export type ListCachedMessagesResponse = z.infer<typeof listCachedMessagesResponseSchema>;

/** The account's Ozon connection, or a way to open it only when Ozon must be asked (most pages come from the cache). */
export type ConnectionSource = OzonConnection | (() => Promise<OzonConnection>);

/**
 * A page of a chat's messages, newest page first, from the cache. When the cache runs out before the page
 * is full, the next older messages are read from Ozon (Backward from the oldest one cached) and stored, so
 * scrolling up reaches the start of any chat while the sync only keeps the newest messages. A chat whose history
 * the cache holds back to its start (Chat.historyStartReached) never asks Ozon.
 *
 * The chat, the page and the outbox are read at once (three queries in parallel, not one after another): this is
 * the route an agent waits on at every click. The page is read by chat id alone and returned only once the chat
 * proved to be the account's.
 */
export async function listCachedMessages(
  db: Db,
  connection: ConnectionSource,
  target: { accountId: string; chatId: string },
  request: ListCachedMessagesRequest,
): Promise<ListCachedMessagesResponse> {
  const { before, around, limit } = listCachedMessagesRequestSchema.parse(request);
  if (around !== undefined) return listMessagesAround(db, target, BigInt(around), limit);
  const beforeId = before === undefined ? null : BigInt(before);

  const readPage = () =>
    db.message.findMany({
      where: { chatId: target.chatId, ...(beforeId !== null ? { ozonMessageId: { lt: beforeId } } : {}) },
      orderBy: { ozonMessageId: "desc" },
      take: limit + 1,
      include: { sentBy: { select: { id: true, name: true } } },
    });

  const [chat, firstPage, outbox] = await Promise.all([
    findAccountChat(db, target.accountId, target.chatId),
    readPage(),
    db.outboxMessage.findMany({ where: { chatId: target.chatId, state: { not: "SENT" } }, orderBy: { createdAt: "asc" } }),
  ]);
  let rows = firstPage;
  let ozonHasOlder = false;
  let notice: string | null = null;
  if (rows.length <= limit && !chat.historyStartReached) {
    // The anchor is inclusive on Ozon's side, hence one more than needed when there is one.
    const anchor = rows[rows.length - 1]?.ozonMessageId ?? beforeId;
    const wanted = limit + 1 - rows.length + (anchor === null ? 0 : 1);
    try {
      const history = await getChatHistory(typeof connection === "function" ? await connection() : connection, {
        chatId: chat.ozonChatId,
        direction: "Backward",
        ...(anchor !== null ? { fromMessageId: anchor } : {}),
        limit: Math.min(wanted, 1000),
      });
      const unseen = anchor === null ? history.messages : history.messages.filter((m) => BigInt(m.messageId) < anchor);
      if (unseen.length > 0) {
        await storeMessages(db, { id: chat.id }, unseen);
        rows = await readPage();
      }
      ozonHasOlder = history.hasNext;
      if (!history.hasNext) await db.chat.update({ where: { id: chat.id }, data: { historyStartReached: true } });
    } catch (error) {
      // With nothing cached there is nothing to show: let the route say why. Otherwise show the cache.
      if (!isOzonApiError(error) || rows.length === 0) throw error;
      notice = `Older messages could not be loaded from Ozon: ${error.message}`;
      ozonHasOlder = true;
    }
  }

  return {
    messages: rows.slice(0, limit).reverse().map(toMessageView),
    hasMore: rows.length > limit || ozonHasOlder,
    outbox: outbox.map(toOutboxView),
    notice,
  };
}

/**
 * The page around one cached message (a search result opens the chat there): up to half the limit of older
 * messages with it, the rest newer ones, oldest first. From the cache only: a search found the message there.
 */
async function listMessagesAround(
  db: Db,
  target: { accountId: string; chatId: string },
  aroundId: bigint,
  limit: number,
): Promise<ListCachedMessagesResponse> {
  const olderCount = Math.ceil(limit / 2);
  const include = { sentBy: { select: { id: true, name: true } } } as const;
  const [chat, older, newer, outbox] = await Promise.all([
    findAccountChat(db, target.accountId, target.chatId),
    db.message.findMany({ where: { chatId: target.chatId, ozonMessageId: { lte: aroundId } }, orderBy: { ozonMessageId: "desc" }, take: olderCount + 1, include }),
    db.message.findMany({ where: { chatId: target.chatId, ozonMessageId: { gt: aroundId } }, orderBy: { ozonMessageId: "asc" }, take: limit - olderCount + 1, include }),
    db.outboxMessage.findMany({ where: { chatId: target.chatId, state: { not: "SENT" } }, orderBy: { createdAt: "asc" } }),
  ]);
  if (older[0]?.ozonMessageId !== aroundId) throw new AppError("message_not_found");
  return {
    messages: [...older.slice(0, olderCount).reverse(), ...newer.slice(0, limit - olderCount)].map(toMessageView),
    hasMore: older.length > olderCount || !chat.historyStartReached,
    outbox: outbox.map(toOutboxView),
    notice: null,
    hasNewer: newer.length > limit - olderCount,
  };
}
