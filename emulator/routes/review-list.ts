/**
 * POST /v2/review/list — the seller's reviews: `limit` 20..100 (required), `sort_dir` (DESC without it [inf]),
 * `last_id` paging, `filters`: `status` NEW, VIEWED, PROCESSED (also ALL and UNPROCESSED [inf]), `order_status`
 * DELIVERED or CANCELLED, `published_from`/`published_to`, `sku` (or `skus`) an array of SKUs. Ozon's own example
 * swaps the two status values; either field is read by its value here [inf].
 */
import { badRequest } from "../errors";
import { feedbackStatus, keysetPage, optTime, reviewListJson, statusMatches } from "../feedback";
import { optObject, optString, parseId, reqInt, type JsonObject } from "../input";
import type { Route } from "./types";

const REVIEW_STATUSES = ["ALL", "NEW", "VIEWED", "PROCESSED", "UNPROCESSED"];
const ORDER_STATUSES = ["DELIVERED", "CANCELLED"];

function skuFilter(filters: JsonObject | undefined): Set<number> | undefined {
  const v = filters?.sku ?? filters?.skus;
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw badRequest("filters.sku must be an array");
  if (v.length === 0) return undefined;
  return new Set(v.map((s) => Number(parseId(s, "filters.sku"))));
}

export const reviewList: Route = {
  premium: false,
  reviews: true,
  mutates: false,
  handle({ seller, body }) {
    const limit = reqInt(body, "limit", 20, 100);
    const sortDir = feedbackStatus(optString(body, "sort_dir"), "sort_dir", ["ASC", "DESC"]) ?? "DESC";
    const filters = optObject(body, "filters");
    const values = [filters ? optString(filters, "status") : undefined, filters ? optString(filters, "order_status") : undefined]
      .filter((v): v is string => v !== undefined && v !== "")
      .map((v) => v.toUpperCase());
    for (const v of values) {
      if (!REVIEW_STATUSES.includes(v) && !ORDER_STATUSES.includes(v)) {
        throw badRequest(`filters.status must be one of ${REVIEW_STATUSES.join(", ")}; filters.order_status one of ${ORDER_STATUSES.join(", ")}`);
      }
    }
    const status = values.find((v) => REVIEW_STATUSES.includes(v));
    const orderStatus = values.find((v) => ORDER_STATUSES.includes(v));
    const from = optTime(filters, "published_from");
    const to = optTime(filters, "published_to");
    const skus = skuFilter(filters);
    const { page, hasNext } = keysetPage(seller.feedback.reviews, {
      lastId: optString(body, "last_id"),
      desc: sortDir === "DESC",
      limit,
      keep: (r) =>
        statusMatches(status, r.status) &&
        (orderStatus === undefined || r.orderStatus === orderStatus) &&
        (from === undefined || r.publishedAt >= from) &&
        (to === undefined || r.publishedAt <= to) &&
        (skus === undefined || skus.has(r.sku)),
    });
    return { reviews: page.map(reviewListJson), has_next: hasNext, last_id: page.at(-1)?.id ?? "" };
  },
};
