/** POST /v1/question/count — questions by status; `unprocessed` is new + viewed (not a fourth part of `all`). */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { int64CountSchema } from "./feedback-schemas";
import { ozonRequest } from "./request";

const COUNT_QUESTIONS_PATH = "/v1/question/count";

const countQuestionsResponseSchema = z
  .object({
    all: int64CountSchema,
    new: int64CountSchema,
    viewed: int64CountSchema,
    processed: int64CountSchema,
    unprocessed: int64CountSchema,
  })
  .transform((c) => ({ all: c.all, new: c.new, viewed: c.viewed, processed: c.processed, unprocessed: c.unprocessed }));
export type CountQuestionsResult = z.output<typeof countQuestionsResponseSchema>;

export async function countQuestions(conn: OzonConnection, opts?: OzonCallOptions): Promise<CountQuestionsResult> {
  return ozonRequest(conn, { path: COUNT_QUESTIONS_PATH, body: {}, schema: countQuestionsResponseSchema, idempotent: true }, opts);
}
