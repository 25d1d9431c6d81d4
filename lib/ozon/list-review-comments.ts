/**
 * POST /v1/review/comment/list — one page of a review's comments (offset paging; `offset` in the answer is where the
 * next page starts), and listAllReviewComments.
 */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { int64CountSchema, reviewCommentSchema, type OzonReviewComment } from "./feedback-schemas";
import { ozonRequest, parseRequest } from "./request";

const LIST_REVIEW_COMMENTS_PATH = "/v1/review/comment/list";
const LIST_REVIEW_COMMENTS_MAX_LIMIT = 100;

const listReviewCommentsRequestSchema = z.object({
  review_id: z.string().min(1, { error: "review_id is required" }),
  limit: z.number().int().min(20, { error: "limit must be 20 to 100" }).max(100, { error: "limit must be 20 to 100" }),
  offset: z.number().int().nonnegative().optional(),
  sort_dir: z.enum(["ASC", "DESC"]).optional(),
});

const listReviewCommentsResponseSchema = z
  .object({ comments: z.array(reviewCommentSchema).nullish(), offset: int64CountSchema })
  .transform((r) => ({ comments: r.comments ?? [], offset: r.offset }));
export type ListReviewCommentsResult = z.output<typeof listReviewCommentsResponseSchema>;

export type ListReviewCommentsParams = { reviewId: string; offset?: number; limit?: number; sortDir?: "ASC" | "DESC" };

export async function listReviewComments(
  conn: OzonConnection,
  params: ListReviewCommentsParams,
  opts?: OzonCallOptions,
): Promise<ListReviewCommentsResult> {
  const body = parseRequest(
    listReviewCommentsRequestSchema,
    {
      review_id: params.reviewId,
      limit: params.limit ?? LIST_REVIEW_COMMENTS_MAX_LIMIT,
      ...(params.offset ? { offset: params.offset } : {}),
      ...(params.sortDir ? { sort_dir: params.sortDir } : {}),
    },
    LIST_REVIEW_COMMENTS_PATH,
  );
  return ozonRequest(
    conn,
    { path: LIST_REVIEW_COMMENTS_PATH, body, schema: listReviewCommentsResponseSchema, idempotent: true },
    opts,
  );
}

/** Every comment of a review, oldest first: pages until one is short of the limit (or maxPages, default 100). */
export async function listAllReviewComments(
  conn: OzonConnection,
  params: { reviewId: string; maxPages?: number },
  opts?: OzonCallOptions,
): Promise<{ comments: OzonReviewComment[]; pages: number; complete: boolean }> {
  const { maxPages = 100, reviewId } = params;
  const comments: OzonReviewComment[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (let pages = 1; ; pages++) {
    const page = await listReviewComments(conn, { reviewId, offset, limit: LIST_REVIEW_COMMENTS_MAX_LIMIT }, opts);
    for (const c of page.comments) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      comments.push(c);
    }
    if (page.comments.length < LIST_REVIEW_COMMENTS_MAX_LIMIT) return { comments, pages, complete: true };
    // [inf] the answer's offset is the next page's start; if Ozon echoes the request's, count ourselves.
    const next = page.offset > offset ? page.offset : offset + page.comments.length;
    if (pages >= maxPages) return { comments, pages, complete: false };
    offset = next;
  }
}
