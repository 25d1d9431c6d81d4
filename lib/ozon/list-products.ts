/**
 * POST /v3/product/info/list — product cards by SKU (the name and primary image shown with a question or review).
 * At most 1000 SKUs a call; unknown SKUs are left out of the answer, not refused.
 */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { ozonRequest, parseRequest } from "./request";
import { looseStringSchema } from "./schemas";

const LIST_PRODUCTS_PATH = "/v3/product/info/list";
const LIST_PRODUCTS_MAX_IDS = 1000;

const listProductsRequestSchema = z.object({
  sku: z
    .array(z.string().regex(/^\d{1,19}$/, { error: "sku must be a decimal id" }))
    .min(1, { error: `sku must have 1 to ${LIST_PRODUCTS_MAX_IDS} items` })
    .max(LIST_PRODUCTS_MAX_IDS, { error: `sku must have 1 to ${LIST_PRODUCTS_MAX_IDS} items` }),
});

const productSchema = z
  .object({
    id: looseStringSchema.nullish(),
    sku: looseStringSchema.nullish(),
    offer_id: z.string().nullish(),
    name: z.string().nullish(),
    primary_image: z.union([z.array(z.string()), z.string()]).nullish(),
    images: z.array(z.string()).nullish(),
  })
  .transform((p) => {
    const primary = Array.isArray(p.primary_image) ? p.primary_image[0] : p.primary_image;
    return {
      productId: p.id ?? "",
      sku: p.sku ?? "",
      offerId: p.offer_id ?? "",
      name: p.name ?? "",
      // Ozon: without primary_image, the first of images is the main one.
      primaryImage: primary || p.images?.[0] || null,
    };
  });
export type OzonProductCard = z.output<typeof productSchema>;

const listProductsResponseSchema = z
  .object({ items: z.array(productSchema).nullish() })
  .transform((r) => ({ items: r.items ?? [] }));
export type ListProductsResult = z.output<typeof listProductsResponseSchema>;

export async function listProducts(
  conn: OzonConnection,
  params: { skus: readonly string[] },
  opts?: OzonCallOptions,
): Promise<ListProductsResult> {
  const body = parseRequest(listProductsRequestSchema, { sku: [...params.skus] }, LIST_PRODUCTS_PATH);
  return ozonRequest(conn, { path: LIST_PRODUCTS_PATH, body, schema: listProductsResponseSchema, idempotent: true }, opts);
}
