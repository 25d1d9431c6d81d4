/** POST /v2/review/count — reviews by status: total, new, viewed, processed. */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { int64CountSchema } from "./feedback-schemas";
import { ozonRequest } from "./request";

const COUNT_REVIEWS_PATH = "/v2/review/count";

const countReviewsResponseSchema = z
  .object({ total: int64CountSchema, new: int64CountSchema, viewed: int64CountSchema, processed: int64CountSchema })
  .transform((c) => ({ total: c.total, new: c.new, viewed: c.viewed, processed: c.processed }));
export type CountReviewsResult = z.output<typeof countReviewsResponseSchema>;

export async function countReviews(conn: OzonConnection, opts?: OzonCallOptions): Promise<CountReviewsResult> {
  return ozonRequest(conn, { path: COUNT_REVIEWS_PATH, body: {}, schema: countReviewsResponseSchema, idempotent: true }, opts);
}
