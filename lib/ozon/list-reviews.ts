/**
 * POST /v2/review/list — one page of reviews (`last_id` paging, `has_next`), and listAllReviews to follow it to the end.
 * Needs the review-management subscription or Premium Pro: without, 403 (`requiredSubscription` "reviews").
 */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { reviewSummarySchema, type OzonReviewSummary } from "./feedback-schemas";
import { ozonRequest, parseRequest } from "./request";

const LIST_REVIEWS_PATH = "/v2/review/list";
const LIST_REVIEWS_MIN_LIMIT = 20;
const LIST_REVIEWS_MAX_LIMIT = 100;
export const REVIEW_STATUSES = ["NEW", "VIEWED", "PROCESSED"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

const listReviewsRequestSchema = z.object({
  filters: z
    .object({
      status: z.enum(REVIEW_STATUSES).optional(),
      order_status: z.enum(["DELIVERED", "CANCELLED"]).optional(),
      published_from: z.string().optional(),
      published_to: z.string().optional(),
    })
    .optional(),
  last_id: z.string().optional(),
  limit: z
    .number()
    .int()
    .min(LIST_REVIEWS_MIN_LIMIT, { error: `limit must be ${LIST_REVIEWS_MIN_LIMIT} to ${LIST_REVIEWS_MAX_LIMIT}` })
    .max(LIST_REVIEWS_MAX_LIMIT, { error: `limit must be ${LIST_REVIEWS_MIN_LIMIT} to ${LIST_REVIEWS_MAX_LIMIT}` }),
  sort_dir: z.enum(["ASC", "DESC"]).optional(),
});

const listReviewsResponseSchema = z
  .object({
    reviews: z.array(reviewSummarySchema).nullish(),
    last_id: z.string().nullish(),
    has_next: z.boolean().nullish(),
  })
  .transform((r) => ({ reviews: r.reviews ?? [], lastId: r.last_id ?? "", hasNext: r.has_next ?? false }));
export type ListReviewsResult = z.output<typeof listReviewsResponseSchema>;

export type ListReviewsParams = {
  /** Without it, every status. */
  status?: ReviewStatus;
  orderStatus?: "DELIVERED" | "CANCELLED";
  from?: Date;
  to?: Date;
  lastId?: string;
  /** 20..100, default 100. */
  limit?: number;
  /** Without it Ozon's default (newest first in the emulator). */
  sortDir?: "ASC" | "DESC";
};

function toWire(p: ListReviewsParams) {
  const filters = {
    ...(p.status ? { status: p.status } : {}),
    ...(p.orderStatus ? { order_status: p.orderStatus } : {}),
    ...(p.from ? { published_from: p.from.toISOString() } : {}),
    ...(p.to ? { published_to: p.to.toISOString() } : {}),
  };
  return {
    ...(Object.keys(filters).length ? { filters } : {}),
    ...(p.lastId ? { last_id: p.lastId } : {}),
    limit: p.limit ?? LIST_REVIEWS_MAX_LIMIT,
    ...(p.sortDir ? { sort_dir: p.sortDir } : {}),
  };
}

export async function listReviews(
  conn: OzonConnection,
  params: ListReviewsParams = {},
  opts?: OzonCallOptions,
): Promise<ListReviewsResult> {
  const body = parseRequest(listReviewsRequestSchema, toWire(params), LIST_REVIEWS_PATH);
  return ozonRequest(conn, { path: LIST_REVIEWS_PATH, body, schema: listReviewsResponseSchema, idempotent: true }, opts);
}

/** Follows last_id to the end (has_next false, an empty page or last_id, a repeated last_id, or maxPages, default 1000). */
export async function listAllReviews(
  conn: OzonConnection,
  params: Omit<ListReviewsParams, "lastId"> & { maxPages?: number } = {},
  opts?: OzonCallOptions,
): Promise<{ reviews: OzonReviewSummary[]; pages: number; complete: boolean }> {
  const { maxPages = 1000, ...rest } = params;
  const seen = new Set<string>();
  const lastIds = new Set<string>();
  const reviews: OzonReviewSummary[] = [];
  let lastId: string | undefined;
  for (let pages = 1; ; pages++) {
    const page = await listReviews(conn, { ...rest, ...(lastId ? { lastId } : {}) }, opts);
    for (const r of page.reviews) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      reviews.push(r);
    }
    if (!page.hasNext || page.reviews.length === 0 || !page.lastId) return { reviews, pages, complete: true };
    if (lastIds.has(page.lastId) || pages >= maxPages) return { reviews, pages, complete: false };
    lastIds.add(page.lastId);
    lastId = page.lastId;
  }
}
