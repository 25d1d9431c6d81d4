/**
 * POST /v1/question/list — one page of product questions (`last_id` paging), and listAllQuestions to follow it to the
 * end. Newest first unless told; a page holds at most 100 (the client asks for 100).
 */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { questionSchema, type OzonQuestion } from "./feedback-schemas";
import { ozonRequest, parseRequest } from "./request";

const LIST_QUESTIONS_PATH = "/v1/question/list";
const LIST_QUESTIONS_MAX_LIMIT = 100;
/** UNPROCESSED = NEW and VIEWED together. */
export const QUESTION_STATUS_FILTERS = ["ALL", "NEW", "VIEWED", "PROCESSED", "UNPROCESSED"] as const;
export type QuestionStatusFilter = (typeof QUESTION_STATUS_FILTERS)[number];

const listQuestionsRequestSchema = z.object({
  filter: z
    .object({
      date_from: z.string().optional(),
      date_to: z.string().optional(),
      status: z.enum(QUESTION_STATUS_FILTERS).optional(),
    })
    .optional(),
  last_id: z.string().optional(),
  limit: z.number().int().min(1).max(LIST_QUESTIONS_MAX_LIMIT),
  sort_dir: z.enum(["ASC", "DESC"]).optional(),
});

const listQuestionsResponseSchema = z
  .object({
    questions: z.array(questionSchema).nullish(),
    last_id: z.string().nullish(),
    has_next: z.boolean().nullish(),
  })
  .transform((r) => ({
    questions: r.questions ?? [],
    lastId: r.last_id ?? "",
    // Older answers have no has_next: a full page may have more.
    hasNext: r.has_next ?? null,
  }));
export type ListQuestionsResult = z.output<typeof listQuestionsResponseSchema>;

export type ListQuestionsParams = {
  status?: QuestionStatusFilter;
  /** Publication time bounds. */
  from?: Date;
  to?: Date;
  /** From the previous page; absent = first page. */
  lastId?: string;
  /** 1..100, default 100. */
  limit?: number;
  sortDir?: "ASC" | "DESC";
};

function toWire(p: ListQuestionsParams) {
  const filter = {
    ...(p.from ? { date_from: p.from.toISOString() } : {}),
    ...(p.to ? { date_to: p.to.toISOString() } : {}),
    ...(p.status ? { status: p.status } : {}),
  };
  return {
    ...(Object.keys(filter).length ? { filter } : {}),
    ...(p.lastId ? { last_id: p.lastId } : {}),
    limit: p.limit ?? LIST_QUESTIONS_MAX_LIMIT,
    ...(p.sortDir ? { sort_dir: p.sortDir } : {}),
  };
}

export async function listQuestions(
  conn: OzonConnection,
  params: ListQuestionsParams = {},
  opts?: OzonCallOptions,
): Promise<ListQuestionsResult> {
  const body = parseRequest(listQuestionsRequestSchema, toWire(params), LIST_QUESTIONS_PATH);
  return ozonRequest(conn, { path: LIST_QUESTIONS_PATH, body, schema: listQuestionsResponseSchema, idempotent: true }, opts);
}

export type ListAllQuestionsResult = {
  /** Deduplicated by id (first occurrence kept). */
  questions: OzonQuestion[];
  pages: number;
  /** false when paging stopped at maxPages or Ozon repeated a last_id. */
  complete: boolean;
};

/**
 * Follows `last_id` to the end: stops on has_next false, an empty page, an empty or repeated last_id (Ozon may answer
 * one more, empty, page after the last), or maxPages (default 1000).
 */
export async function listAllQuestions(
  conn: OzonConnection,
  params: Omit<ListQuestionsParams, "lastId"> & { maxPages?: number } = {},
  opts?: OzonCallOptions,
): Promise<ListAllQuestionsResult> {
  const { maxPages = 1000, ...rest } = params;
  const seen = new Set<string>();
  const lastIds = new Set<string>();
  const questions: OzonQuestion[] = [];
  let lastId: string | undefined;
  for (let pages = 1; ; pages++) {
    const page = await listQuestions(conn, { ...rest, ...(lastId ? { lastId } : {}) }, opts);
    for (const q of page.questions) {
      if (seen.has(q.id)) continue;
      seen.add(q.id);
      questions.push(q);
    }
    if (page.hasNext === false || page.questions.length === 0 || !page.lastId) return { questions, pages, complete: true };
    if (lastIds.has(page.lastId) || pages >= maxPages) return { questions, pages, complete: false };
    lastIds.add(page.lastId);
    lastId = page.lastId;
  }
}
