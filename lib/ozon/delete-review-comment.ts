/** POST /v2/review/comment/delete — deletes one of the seller's comments (the review's SKU is required). Not retried. */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { emptyResponseSchema, skuRequestSchema } from "./feedback-schemas";
import { ozonRequest, parseRequest } from "./request";

const DELETE_REVIEW_COMMENT_PATH = "/v2/review/comment/delete";

const deleteReviewCommentRequestSchema = z.object({
  comment_id: z.string().min(1, { error: "comment_id is required" }),
  sku: skuRequestSchema,
});

export async function deleteReviewComment(
  conn: OzonConnection,
  params: { commentId: string; sku: string },
  opts?: OzonCallOptions,
): Promise<void> {
  const body = parseRequest(deleteReviewCommentRequestSchema, { comment_id: params.commentId, sku: params.sku }, DELETE_REVIEW_COMMENT_PATH);
  await ozonRequest(conn, { path: DELETE_REVIEW_COMMENT_PATH, body, schema: emptyResponseSchema, idempotent: false }, opts);
}
