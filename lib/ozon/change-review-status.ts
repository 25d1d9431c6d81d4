/** POST /v2/review/change-status — sets NEW, VIEWED or PROCESSED on 1..100 reviews. Setting a state: retried like a read. */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { emptyResponseSchema } from "./feedback-schemas";
import { REVIEW_STATUSES, type ReviewStatus } from "./list-reviews";
import { ozonRequest, parseRequest } from "./request";

const CHANGE_REVIEW_STATUS_PATH = "/v2/review/change-status";

const changeReviewStatusRequestSchema = z.object({
  review_ids: z
    .array(z.string().min(1))
    .min(1, { error: "review_ids must have 1 to 100 items" })
    .max(100, { error: "review_ids must have 1 to 100 items" }),
  status: z.enum(REVIEW_STATUSES),
});

export async function changeReviewStatus(
  conn: OzonConnection,
  params: { reviewIds: readonly string[]; status: ReviewStatus },
  opts?: OzonCallOptions,
): Promise<void> {
  const body = parseRequest(
    changeReviewStatusRequestSchema,
    { review_ids: [...params.reviewIds], status: params.status },
    CHANGE_REVIEW_STATUS_PATH,
  );
  await ozonRequest(conn, { path: CHANGE_REVIEW_STATUS_PATH, body, schema: emptyResponseSchema, idempotent: true }, opts);
}
