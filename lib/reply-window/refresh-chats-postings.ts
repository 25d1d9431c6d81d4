import type { Db } from "@/lib/db/client";
import {
  getPosting,
  isOzonApiError,
  listPostings,
  readServerClockOffsetSeconds,
  type OzonConnection,
  type OzonPosting,
} from "@/lib/ozon";

import { lookUpProductPictures } from "./look-up-product-pictures";
import { storeChatPostings } from "./store-chat-postings";
import { updateChatReplyWindow } from "./update-chat-reply-window";

/** Statuses after which nothing the reply window rests on changes any more. */
export const SETTLED_POSTING_STATUSES = ["delivered", "cancelled", "not_accepted"] as const;
/** The posting lists need a period; an order is older than its chat, by this much at most [inf]. */
const ORDER_LOOKBACK_MS = 180 * 86_400_000;
/** Order numbers a chat's messages may name that are looked up (the newest chat's own first). */
const MAX_ORDER_NUMBERS_PER_CHAT = 10;
/** /v4/posting/fbs/list takes at most 100 order numbers in one filter. */
const ORDER_NUMBERS_PER_CALL = 100;
/** A guard against a list that never ends; 100 order numbers rarely make more than one page. */
const MAX_PAGES = 20;

export type RefreshChatsPostingsOptions = {
  signal?: AbortSignal;
  /** Called before every Ozon call (counts them; may renew a lease). */
  beforeCall?: () => Promise<void> | void;
  /** Called between the chats' writes (renews the sync's lease). */
  heartbeat?: () => Promise<void>;
};

/**
 * Reads the postings of several buyer chats from Ozon at once and stores them (chat_postings): each chat's posting
 * number (a chat started from an order page, one get each), and every posting of the orders its messages name (an
 * order may have several postings, of any scheme), looked up with the order numbers of all the chats together — one
 * FBS and one FBO list call per 100 order numbers, however many chats. The products' pictures come from the products
 * cache, which asks Ozon once for all the SKUs it lacks (lookUpProductPictures). Then recomputes each chat's reply
 * window.
 * Returns the ids of the chats whose reply window changed (the caller publishes them). Ozon's errors propagate,
 * leaving the chats not stored yet as they were; a posting Ozon does not know is skipped.
 */
export async function refreshChatsPostings(
  db: Db,
  connection: OzonConnection,
  chatIds: readonly string[],
  options: RefreshChatsPostingsOptions = {},
): Promise<string[]> {
  if (chatIds.length === 0) return [];
  const chats = await db.chat.findMany({
    where: { id: { in: [...chatIds] }, isBuyerChat: true },
    select: { id: true, accountId: true, createdAt: true, postingNumber: true, orderNumber: true },
  });
  if (chats.length === 0) return [];
  const orderRows = await db.message.findMany({
    where: { chatId: { in: chats.map((c) => c.id) }, orderNumber: { not: null } },
    distinct: ["chatId", "orderNumber"],
    select: { chatId: true, orderNumber: true },
    orderBy: [{ chatId: "asc" }, { orderNumber: "asc" }],
  });
  const ordersOf = new Map<string, Set<string>>(chats.map((c) => [c.id, new Set(c.orderNumber ? [c.orderNumber] : [])]));
  for (const row of orderRows) {
    const orders = ordersOf.get(row.chatId)!;
    if (orders.size < MAX_ORDER_NUMBERS_PER_CHAT) orders.add(row.orderNumber!);
  }
  const found = new Map<string, Map<string, OzonPosting>>(chats.map((c) => [c.id, new Map()]));
  const call = async () => {
    options.signal?.throwIfAborted();
    await options.beforeCall?.();
  };

  for (const chat of chats) {
    if (!chat.postingNumber) continue;
    try {
      await call();
      const posting = await getPosting(connection, { postingNumber: chat.postingNumber }, { signal: options.signal });
      found.get(chat.id)!.set(posting.postingNumber, posting);
    } catch (error) {
      if (!(isOzonApiError(error) && error.kind === "not_found")) throw error;
    }
  }

  const orderNumbers = [...new Set(chats.flatMap((c) => [...ordersOf.get(c.id)!]))];
  const chatsOfOrder = new Map<string, string[]>();
  for (const chat of chats) for (const order of ordersOf.get(chat.id)!) chatsOfOrder.set(order, [...(chatsOfOrder.get(order) ?? []), chat.id]);
  if (orderNumbers.length > 0) {
    const offsetMs = (readServerClockOffsetSeconds(connection.baseUrl) ?? 0) * 1000;
    const oldest = Math.min(...chats.map((c) => c.createdAt.getTime()));
    const since = new Date(oldest - ORDER_LOOKBACK_MS);
    const to = new Date(Date.now() + offsetMs + 86_400_000);
    for (let i = 0; i < orderNumbers.length; i += ORDER_NUMBERS_PER_CALL) {
      const chunk = orderNumbers.slice(i, i + ORDER_NUMBERS_PER_CALL);
      for (const scheme of ["FBS", "FBO"] as const) {
        let cursor: string | undefined;
        for (let page = 0; page < MAX_PAGES; page++) {
          await call();
          const result = await listPostings(
            connection,
            { scheme, since, to, orderNumbers: chunk, ...(cursor ? { cursor } : {}) },
            { signal: options.signal },
          );
          for (const posting of result.postings) {
            for (const chatId of chatsOfOrder.get(posting.orderNumber ?? "") ?? []) found.get(chatId)!.set(posting.postingNumber, posting);
          }
          if (!result.hasNext || !result.cursor || result.cursor === cursor) break;
          cursor = result.cursor;
        }
      }
    }
  }

  // The chats are of one account: the connection's.
  const skus = [...found.values()].flatMap((postings) => [...postings.values()].flatMap((p) => p.products.map((product) => product.sku)));
  const pictures = await lookUpProductPictures(db, chats[0]!.accountId, connection, skus, { signal: options.signal, beforeCall: call });

  const changed: string[] = [];
  const now = new Date();
  for (const chat of chats) {
    await options.heartbeat?.();
    await storeChatPostings(db, chat, found.get(chat.id)!.values(), now, pictures);
    if (await updateChatReplyWindow(db, chat.id)) changed.push(chat.id);
  }
  return changed;
}
