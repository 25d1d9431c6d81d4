/**
 * POST /v1/question/answer/create — the seller answers a product question. NOT idempotent: one attempt; an ambiguous
 * failure carries outcomeUnknown (list the answers before answering again).
 */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { skuRequestSchema } from "./feedback-schemas";
import { ozonRequest, parseRequest } from "./request";
import { validateAnswerText } from "./validate-answer-text";

const CREATE_QUESTION_ANSWER_PATH = "/v1/question/answer/create";

const createQuestionAnswerRequestSchema = z.object({
  question_id: z.string().min(1, { error: "question_id is required" }),
  sku: skuRequestSchema,
  text: z.string(),
});

const createQuestionAnswerResponseSchema = z
  .object({ answer_id: z.string().min(1) })
  .transform((r) => ({ answerId: r.answer_id }));
export type CreateQuestionAnswerResult = z.output<typeof createQuestionAnswerResponseSchema>;

/** The text is checked first (2..3000 code points, not blank) and sent as given. */
export async function createQuestionAnswer(
  conn: OzonConnection,
  params: { questionId: string; sku: string; text: string },
  opts?: OzonCallOptions,
): Promise<CreateQuestionAnswerResult> {
  validateAnswerText(params.text);
  const body = parseRequest(
    createQuestionAnswerRequestSchema,
    { question_id: params.questionId, sku: params.sku, text: params.text },
    CREATE_QUESTION_ANSWER_PATH,
  );
  return ozonRequest(
    conn,
    { path: CREATE_QUESTION_ANSWER_PATH, body, schema: createQuestionAnswerResponseSchema, idempotent: false },
    opts,
  );
}
