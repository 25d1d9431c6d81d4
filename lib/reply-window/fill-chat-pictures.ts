import type { Db } from "@/lib/db/client";
import type { OzonConnection } from "@/lib/ozon";
import { lookUpProductPictures } from "./look-up-product-pictures";
import type { ChatPostingProduct } from "./store-chat-postings";
import { storeChatProductSummary } from "./store-chat-product-summary";

/** Chats whose pictures are looked up together (their SKUs share the products call). */
const CHATS_PER_BATCH = 200;

export type FillChatPicturesOptions = {
  /** At most this many chats (default: every one that lacks it). */
  maxChats?: number;
  signal?: AbortSignal;
  /** Called before every Ozon call (counts them; renews the sync's lease). */
  beforeCall?: () => Promise<void> | void;
  /** Called between the chats' writes (renews the sync's lease). */
  heartbeat?: () => Promise<void>;
};

/**
 * Gives the row's picture to the account's buyer chats whose postings are stored but whose first product's picture
 * was never looked up (Chat.sku null): chats stored before rows had pictures, or whose lookup failed. Reads no
 * postings from Ozon (a settled order is never read again), only the products cache, which asks Ozon once per batch
 * for the SKUs it lacks. Returns how many chats it looked at; a chat whose lookup failed again waits for the next call.
 */
export async function fillChatPictures(db: Db, connection: OzonConnection, accountId: string, options: FillChatPicturesOptions = {}): Promise<number> {
  let done = 0;
  let after: string | undefined;
  while (options.maxChats === undefined || done < options.maxChats) {
    const take = Math.min(CHATS_PER_BATCH, (options.maxChats ?? Infinity) - done);
    const chats = await db.chat.findMany({
      where: { accountId, isBuyerChat: true, productCount: { gt: 0 }, sku: null, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take,
      select: { id: true },
    });
    if (chats.length === 0) break;
    after = chats[chats.length - 1]!.id;
    const stored = await db.chatPosting.findMany({ where: { chatId: { in: chats.map((c) => c.id) } }, select: { products: true } });
    const skus = stored.flatMap((p) => (Array.isArray(p.products) ? (p.products as unknown as ChatPostingProduct[]).map((product) => product.sku) : []));
    options.signal?.throwIfAborted();
    const pictures = await lookUpProductPictures(db, accountId, connection, skus, { signal: options.signal, beforeCall: options.beforeCall });
    if (pictures.size === 0) break;
    for (const chat of chats) {
      await options.heartbeat?.();
      await db.$transaction((tx) => storeChatProductSummary(tx, chat.id, pictures));
    }
    done += chats.length;
    if (chats.length < take) break;
  }
  return done;
}
