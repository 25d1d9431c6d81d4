/**
 * POST /v3/product/info/list — product cards by `offer_id`, `product_id` or `sku` (arrays; at most 1000 in all).
 * Only the fields the inbox reads are filled (name, images, ids, price) [inf: the rest of Ozon's card is left out].
 * Unknown ids are skipped, not refused. Any key may call it.
 */
import { badRequest } from "../errors";
import type { CatalogProduct } from "../feedback";
import { parseId, type JsonObject } from "../input";
import type { Route } from "./types";

function list(body: JsonObject, field: string): string[] {
  const v = body[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw badRequest(`${field} must be an array`);
  return v.map((item) => (field === "offer_id" ? String(item) : parseId(item, field).toString()));
}

function card(p: CatalogProduct) {
  return {
    id: p.product_id,
    name: p.name,
    offer_id: p.offer_id,
    sku: p.sku,
    currency_code: "RUB",
    price: p.price,
    old_price: "",
    images: p.images,
    primary_image: p.images.slice(0, 1),
    is_archived: false,
    is_autoarchived: false,
  };
}

export const productInfoList: Route = {
  premium: false,
  mutates: false,
  handle({ seller, body }) {
    const offerIds = new Set(list(body, "offer_id"));
    const productIds = new Set(list(body, "product_id"));
    const skus = new Set(list(body, "sku"));
    const asked = offerIds.size + productIds.size + skus.size;
    if (asked === 0) throw badRequest("offer_id, product_id or sku is required");
    if (asked > 1000) throw badRequest("at most 1000 products in one request");
    const items = seller.feedback.products.filter(
      (p) => offerIds.has(p.offer_id) || productIds.has(String(p.product_id)) || skus.has(String(p.sku)),
    );
    return { items: items.map(card) };
  },
};
