/** POST /v2/review/info — one review with its photos and videos. */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { reviewInfoSchema, type OzonReview } from "./feedback-schemas";
import { ozonRequest, parseRequest } from "./request";

const GET_REVIEW_PATH = "/v2/review/info";

const getReviewRequestSchema = z.object({ review_id: z.string().min(1, { error: "review_id is required" }) });

export async function getReview(conn: OzonConnection, reviewId: string, opts?: OzonCallOptions): Promise<OzonReview> {
  const body = parseRequest(getReviewRequestSchema, { review_id: reviewId }, GET_REVIEW_PATH);
  return ozonRequest(conn, { path: GET_REVIEW_PATH, body, schema: reviewInfoSchema, idempotent: true }, opts);
}
