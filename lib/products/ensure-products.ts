import type { PrismaClient } from "@/lib/db/generated/client";
import { listProducts, type OzonConnection } from "@/lib/ozon";

export type ProductCard = { name: string; imageUrl: string | null };

/** /v3/product/info/list takes at most 1000 SKUs a call. */
const PRODUCTS_PER_CALL = 1000;

/**
 * The product cards (name, picture) of these SKUs, from the cache (ozon_products), reading from Ozon only the SKUs it
 * has never read: once per SKU and account. A SKU Ozon does not know is stored with an empty name, so it is not asked
 * for again either. `onCall` counts Ozon calls.
 */
export async function ensureProducts(
  db: PrismaClient,
  accountId: string,
  connection: OzonConnection,
  skus: Iterable<string>,
  options: { signal?: AbortSignal; onCall?: () => Promise<void> | void } = {},
): Promise<Map<string, ProductCard>> {
  const wanted = [...new Set([...skus].filter((s) => /^\d{1,19}$/.test(s)))];
  const result = new Map<string, ProductCard>();
  if (wanted.length === 0) return result;
  const cached = await db.ozonProduct.findMany({ where: { accountId, sku: { in: wanted } } });
  for (const p of cached) result.set(p.sku, { name: p.name, imageUrl: p.imageUrl });
  const missing = wanted.filter((s) => !result.has(s));
  for (let i = 0; i < missing.length; i += PRODUCTS_PER_CALL) {
    const chunk = missing.slice(i, i + PRODUCTS_PER_CALL);
    await options.onCall?.();
    const { items } = await listProducts(connection, { skus: chunk }, { signal: options.signal });
    const bySku = new Map(items.map((p) => [p.sku, p]));
    const fetchedAt = new Date();
    const rows = chunk.map((sku) => ({
      accountId,
      sku,
      name: bySku.get(sku)?.name ?? "",
      imageUrl: bySku.get(sku)?.primaryImage ?? null,
      fetchedAt,
    }));
    await db.ozonProduct.createMany({ data: rows, skipDuplicates: true });
    for (const r of rows) result.set(r.sku, { name: r.name, imageUrl: r.imageUrl });
  }
  return result;
}
