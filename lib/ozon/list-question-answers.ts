/**
 * POST /v1/question/answer/list — one page of a question's answers (the seller's and other buyers'; the wire has no
 * owner flag: an answer is the seller's when its author_name is the shop's name), and listAllQuestionAnswers.
 */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { questionAnswerSchema, type OzonQuestionAnswer, skuRequestSchema } from "./feedback-schemas";
import { ozonRequest, parseRequest } from "./request";

const LIST_QUESTION_ANSWERS_PATH = "/v1/question/answer/list";

const listQuestionAnswersRequestSchema = z.object({
  question_id: z.string().min(1, { error: "question_id is required" }),
  sku: skuRequestSchema,
  last_id: z.string().optional(),
});

const listQuestionAnswersResponseSchema = z
  .object({ answers: z.array(questionAnswerSchema).nullish(), last_id: z.string().nullish() })
  .transform((r) => ({ answers: r.answers ?? [], lastId: r.last_id ?? "" }));
export type ListQuestionAnswersResult = z.output<typeof listQuestionAnswersResponseSchema>;

export type ListQuestionAnswersParams = { questionId: string; sku: string; lastId?: string };

export async function listQuestionAnswers(
  conn: OzonConnection,
  params: ListQuestionAnswersParams,
  opts?: OzonCallOptions,
): Promise<ListQuestionAnswersResult> {
  const body = parseRequest(
    listQuestionAnswersRequestSchema,
    { question_id: params.questionId, sku: params.sku, ...(params.lastId ? { last_id: params.lastId } : {}) },
    LIST_QUESTION_ANSWERS_PATH,
  );
  return ozonRequest(
    conn,
    { path: LIST_QUESTION_ANSWERS_PATH, body, schema: listQuestionAnswersResponseSchema, idempotent: true },
    opts,
  );
}

/**
 * Every answer of a question. There is no has_next: paging stops on an empty page or an empty or repeated last_id
 * (Ozon answers one more, empty, page after the last), or maxPages (default 100).
 */
export async function listAllQuestionAnswers(
  conn: OzonConnection,
  params: Omit<ListQuestionAnswersParams, "lastId"> & { maxPages?: number },
  opts?: OzonCallOptions,
): Promise<{ answers: OzonQuestionAnswer[]; pages: number; complete: boolean }> {
  const { maxPages = 100, ...rest } = params;
  const seen = new Set<string>();
  const lastIds = new Set<string>();
  const answers: OzonQuestionAnswer[] = [];
  let lastId: string | undefined;
  for (let pages = 1; ; pages++) {
    const page = await listQuestionAnswers(conn, { ...rest, ...(lastId ? { lastId } : {}) }, opts);
    for (const a of page.answers) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      answers.push(a);
    }
    if (page.answers.length === 0 || !page.lastId) return { answers, pages, complete: true };
    if (lastIds.has(page.lastId) || pages >= maxPages) return { answers, pages, complete: false };
    lastIds.add(page.lastId);
    lastId = page.lastId;
  }
}
