/**
 * POST /v1/review/comment/create — the seller comments on a review (or answers a comment of it with parentCommentId);
 * with markReviewAsProcessed the review becomes PROCESSED. NOT idempotent: one attempt; an ambiguous failure carries
 * outcomeUnknown (list the comments before commenting again).
 */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { ozonRequest, parseRequest } from "./request";
import { validateAnswerText } from "./validate-answer-text";

const CREATE_REVIEW_COMMENT_PATH = "/v1/review/comment/create";

const createReviewCommentRequestSchema = z.object({
  review_id: z.string().min(1, { error: "review_id is required" }),
  text: z.string(),
  mark_review_as_processed: z.boolean(),
  parent_comment_id: z.string().min(1).optional(),
});

const createReviewCommentResponseSchema = z
  .object({ comment_id: z.string().min(1) })
  .transform((r) => ({ commentId: r.comment_id }));
export type CreateReviewCommentResult = z.output<typeof createReviewCommentResponseSchema>;

/** The text is checked first (2..3000 code points, not blank) and sent as given. */
export async function createReviewComment(
  conn: OzonConnection,
  params: { reviewId: string; text: string; markReviewAsProcessed: boolean; parentCommentId?: string },
  opts?: OzonCallOptions,
): Promise<CreateReviewCommentResult> {
  validateAnswerText(params.text);
  const body = parseRequest(
    createReviewCommentRequestSchema,
    {
      review_id: params.reviewId,
      text: params.text,
      mark_review_as_processed: params.markReviewAsProcessed,
      ...(params.parentCommentId ? { parent_comment_id: params.parentCommentId } : {}),
    },
    CREATE_REVIEW_COMMENT_PATH,
  );
  return ozonRequest(
    conn,
    { path: CREATE_REVIEW_COMMENT_PATH, body, schema: createReviewCommentResponseSchema, idempotent: false },
    opts,
  );
}
