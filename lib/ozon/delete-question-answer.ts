/** POST /v1/question/answer/delete — deletes one of the seller's answers. Not retried: a repeat after a lost success would say "not found". */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { emptyResponseSchema, skuRequestSchema } from "./feedback-schemas";
import { ozonRequest, parseRequest } from "./request";

const DELETE_QUESTION_ANSWER_PATH = "/v1/question/answer/delete";

const deleteQuestionAnswerRequestSchema = z.object({
  answer_id: z.string().min(1, { error: "answer_id is required" }),
  sku: skuRequestSchema,
});

export async function deleteQuestionAnswer(
  conn: OzonConnection,
  params: { answerId: string; sku: string },
  opts?: OzonCallOptions,
): Promise<void> {
  const body = parseRequest(deleteQuestionAnswerRequestSchema, { answer_id: params.answerId, sku: params.sku }, DELETE_QUESTION_ANSWER_PATH);
  await ozonRequest(conn, { path: DELETE_QUESTION_ANSWER_PATH, body, schema: emptyResponseSchema, idempotent: false }, opts);
}
