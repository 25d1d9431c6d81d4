/** POST /v1/question/change-status — sets NEW, VIEWED or PROCESSED on 1..100 questions. Setting a state: retried like a read. */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { emptyResponseSchema } from "./feedback-schemas";
import { ozonRequest, parseRequest } from "./request";

const CHANGE_QUESTION_STATUS_PATH = "/v1/question/change-status";
export const QUESTION_STATUSES = ["NEW", "VIEWED", "PROCESSED"] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

const changeQuestionStatusRequestSchema = z.object({
  question_ids: z
    .array(z.string().min(1))
    .min(1, { error: "question_ids must have 1 to 100 items" })
    .max(100, { error: "question_ids must have 1 to 100 items" }),
  status: z.enum(QUESTION_STATUSES),
});

export async function changeQuestionStatus(
  conn: OzonConnection,
  params: { questionIds: readonly string[]; status: QuestionStatus },
  opts?: OzonCallOptions,
): Promise<void> {
  const body = parseRequest(
    changeQuestionStatusRequestSchema,
    { question_ids: [...params.questionIds], status: params.status },
    CHANGE_QUESTION_STATUS_PATH,
  );
  await ozonRequest(conn, { path: CHANGE_QUESTION_STATUS_PATH, body, schema: emptyResponseSchema, idempotent: true }, opts);
}
