/**
 * POST /v1/question/list — the seller's product questions, newest first by default: `filter.date_from`/`date_to` on the
 * publication time, `filter.status` NEW, VIEWED, PROCESSED, UNPROCESSED (NEW and VIEWED) or ALL; `limit` up to 100
 * (10 without it [inf]: older schemas cap a page at 10), `sort_dir`, `last_id` paging.
 */
import { feedbackStatus, keysetPage, optTime, questionJson, statusMatches } from "../feedback";
import { optInt, optObject, optString } from "../input";
import type { Route } from "./types";

const DEFAULT_LIMIT = 10;

export const questionList: Route = {
  premium: true,
  mutates: false,
  handle({ seller, body }) {
    const filter = optObject(body, "filter");
    const from = optTime(filter, "date_from");
    const to = optTime(filter, "date_to");
    const status = feedbackStatus(filter ? optString(filter, "status") : undefined, "filter.status", ["ALL", "NEW", "VIEWED", "PROCESSED", "UNPROCESSED"]);
    const sortDir = feedbackStatus(optString(body, "sort_dir"), "sort_dir", ["ASC", "DESC"]) ?? "DESC";
    const limit = optInt(body, "limit", 1, 100) ?? DEFAULT_LIMIT;
    const { page, hasNext } = keysetPage(seller.feedback.questions, {
      lastId: optString(body, "last_id"),
      desc: sortDir === "DESC",
      limit,
      keep: (q) => statusMatches(status, q.status) && (from === undefined || q.publishedAt >= from) && (to === undefined || q.publishedAt <= to),
    });
    // [1: live report] last_id is the page's last id even on the last page; a page after it is empty with last_id "".
    return { questions: page.map(questionJson), last_id: page.at(-1)?.id ?? "", has_next: hasNext };
  },
};
