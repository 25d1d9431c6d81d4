import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { OzonPosting, OzonPostingProduct } from "@/lib/ozon";
import { storeChatProductSummary, type ProductPictures } from "./store-chat-product-summary";

/** A stored product of a posting (ChatPosting.products): Ozon's, with a picture when one is known. */
export type ChatPostingProduct = OzonPostingProduct & { imageUrl: string | null };

/**
 * Stores what Ozon said of a chat's postings (chat_postings, upserted by posting number) and marks the chat's
 * postings read now (Chat.postingsCheckedAt) with the row's product summary (storeChatProductSummary: name, count,
 * the first product's picture from `pictures`), in one transaction. The caller recomputes the reply window.
 */
export async function storeChatPostings(
  db: Db,
  chat: { id: string; accountId: string },
  postings: Iterable<OzonPosting>,
  now: Date = new Date(),
  pictures: ProductPictures = new Map(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const posting of postings) {
      const data = toRow(posting, now, pictures);
      await tx.chatPosting.upsert({
        where: { chatId_postingNumber: { chatId: chat.id, postingNumber: posting.postingNumber } },
        create: { chatId: chat.id, accountId: chat.accountId, postingNumber: posting.postingNumber, ...data },
        update: data,
      });
    }
    // The row's product summary over all the chat's postings, those stored before included.
    await storeChatProductSummary(tx, chat.id, pictures, { postingsCheckedAt: now });
  });
}

function date(value: string | null): Date | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

function toRow(posting: OzonPosting, now: Date, pictures: ProductPictures) {
  const delivered = posting.status.toLowerCase() === "delivered";
  const products: ChatPostingProduct[] = posting.products.map((p) => ({ ...p, imageUrl: pictures.get(p.sku) ?? null }));
  return {
    orderNumber: posting.orderNumber,
    scheme: posting.scheme,
    status: posting.status,
    substatus: posting.substatus,
    paidAt: date(posting.inProcessAt),
    shipmentDate: date(posting.shipmentDate),
    deliveringAt: date(posting.deliveringDate),
    // FBO postings carry no delivery date; a delivered FBS posting without one is taken as delivered when it left.
    deliveredAt: date(posting.factDeliveryDate) ?? (delivered ? date(posting.deliveringDate) : null),
    products: products as unknown as Prisma.InputJsonValue,
    fetchedAt: now,
  };
}
