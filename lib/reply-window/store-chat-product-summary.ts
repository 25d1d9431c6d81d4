import type { Prisma } from "@/lib/db/generated/client";
import type { ChatPostingProduct } from "./store-chat-postings";

/** Product pictures by SKU, as looked up (lookUpProductPictures): null where Ozon has none. */
export type ProductPictures = ReadonlyMap<string, string | null>;

/**
 * Writes the chat row's product summary over all its stored postings, ordered by posting number: the first product's
 * name and picture and how many products they hold (Chat.productName, productImageUrl, productCount), with `data`,
 * in the caller's transaction. Chat.sku holds the SKU whose picture was looked up, null while it was not (the
 * postings were stored before pictures were, or the lookup failed): fillChatPictures picks those chats up. A picture
 * in `pictures` is also written into the stored products that lack one, for the order panel.
 */
export async function storeChatProductSummary(
  tx: Prisma.TransactionClient,
  chatId: string,
  pictures: ProductPictures,
  data: Prisma.ChatUpdateInput = {},
): Promise<void> {
  const stored = await tx.chatPosting.findMany({ where: { chatId }, orderBy: { postingNumber: "asc" }, select: { postingNumber: true, products: true } });
  const products: ChatPostingProduct[] = [];
  for (const posting of stored) {
    const list = Array.isArray(posting.products) ? (posting.products as unknown as ChatPostingProduct[]) : [];
    const filled = list.map((p) => (p.imageUrl ? p : { ...p, imageUrl: pictures.get(p.sku) ?? null }));
    if (filled.some((p, i) => p.imageUrl !== (list[i]!.imageUrl ?? null))) {
      await tx.chatPosting.update({
        where: { chatId_postingNumber: { chatId, postingNumber: posting.postingNumber } },
        data: { products: filled as unknown as Prisma.InputJsonValue },
      });
    }
    products.push(...filled);
  }
  const first = products[0];
  const lookedUp = first !== undefined && (first.imageUrl !== null || pictures.has(first.sku));
  await tx.chat.update({
    where: { id: chatId },
    data: {
      ...data,
      productName: first?.name ?? null,
      productCount: products.length,
      productImageUrl: first?.imageUrl ?? null,
      sku: lookedUp ? first.sku : null,
    },
  });
}
