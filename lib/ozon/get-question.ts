/** POST /v1/question/info — one product question. */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { questionSchema, type OzonQuestion } from "./feedback-schemas";
import { ozonRequest, parseRequest } from "./request";

const GET_QUESTION_PATH = "/v1/question/info";

const getQuestionRequestSchema = z.object({ question_id: z.string().min(1, { error: "question_id is required" }) });

export async function getQuestion(conn: OzonConnection, questionId: string, opts?: OzonCallOptions): Promise<OzonQuestion> {
  const body = parseRequest(getQuestionRequestSchema, { question_id: questionId }, GET_QUESTION_PATH);
  return ozonRequest(conn, { path: GET_QUESTION_PATH, body, schema: questionSchema, idempotent: true }, opts);
}
