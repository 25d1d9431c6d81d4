import type { Db } from "@/lib/db/client";
import { isOzonApiError, type OzonConnection } from "@/lib/ozon";
import { ensureProducts } from "@/lib/products/ensure-products";
import type { ProductPictures } from "./store-chat-product-summary";

/**
 * The pictures of these SKUs from the products cache, which reads from Ozon only the SKUs it never read (one
 * /v3/product/info/list call per 1000, however many chats they come from). Every SKU asked has an entry, null when
 * Ozon knows no picture (or no such SKU), so it counts as looked up. When Ozon cannot be asked, an empty map: the
 * chats stay without a picture and fillChatPictures tries again, the postings are stored all the same.
 */
export async function lookUpProductPictures(
  db: Db,
  accountId: string,
  connection: OzonConnection,
  skus: Iterable<string>,
  options: { signal?: AbortSignal; beforeCall?: () => Promise<void> | void } = {},
): Promise<ProductPictures> {
  const wanted = new Set(skus);
  try {
    const cards = await ensureProducts(db, accountId, connection, wanted, { signal: options.signal, onCall: options.beforeCall });
    return new Map([...wanted].map((sku) => [sku, cards.get(sku)?.imageUrl ?? null]));
  } catch (error) {
    if (!isOzonApiError(error) || options.signal?.aborted) throw error;
    return new Map();
  }
}
