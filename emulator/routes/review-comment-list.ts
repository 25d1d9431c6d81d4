/**
 * POST /v1/review/comment/list — the comments of a review: `review_id`, `limit` 20..100 (required), `offset`,
 * `sort_dir` (ASC by default). Others' comments show once published; the seller's own in every moderation state, with
 * `is_published`/`is_rejected`/`deviation_reason` [inf]. The answer's `offset` is where the next page starts [inf].
 */
import { commentJson, findReview } from "../feedback";
import { badRequest } from "../errors";
import { optInt, optString, reqInt, reqString } from "../input";
import type { Route } from "./types";

export const reviewCommentList: Route = {
  premium: false,
  reviews: true,
  mutates: false,
  handle({ seller, body }) {
    const review = findReview(seller.feedback, reqString(body, "review_id"));
    const limit = reqInt(body, "limit", 20, 100);
    const offset = optInt(body, "offset", 0, 2_147_483_647) ?? 0;
    const sortDir = (optString(body, "sort_dir") ?? "ASC").toUpperCase();
    if (sortDir !== "ASC" && sortDir !== "DESC") throw badRequest("sort_dir must be one of ASC, DESC");
    const visible = review.comments.filter((c) => c.isOwner || c.publication === "PUBLISHED");
    if (sortDir === "DESC") visible.reverse();
    const page = visible.slice(offset, offset + limit);
    return { comments: page.map(commentJson), offset: offset + page.length };
  },
};
