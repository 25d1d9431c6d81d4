/**
 * POST /v1/question/answer/list — the answers to a question (`question_id` and its `sku`), oldest first, 20 a page
 * [inf], `last_id` paging without has_next: the page after the last is empty with `last_id` "" [1: live report].
 * Another buyer's answer shows only once published; the seller's own in every moderation state [inf].
 */
import { badRequest } from "../errors";
import { answerJson, findQuestion, keysetPage, MSG_FEEDBACK } from "../feedback";
import { optString, reqInt, reqString } from "../input";
import type { Route } from "./types";

const ANSWER_PAGE = 20;

export const questionAnswerList: Route = {
  premium: true,
  mutates: false,
  handle({ seller, body }) {
    const question = findQuestion(seller.feedback, reqString(body, "question_id"));
    const sku = reqInt(body, "sku", 1, Number.MAX_SAFE_INTEGER);
    if (question.sku !== sku) throw badRequest(MSG_FEEDBACK.skuMismatch);
    const { page } = keysetPage(question.answers, {
      lastId: optString(body, "last_id"),
      desc: false,
      limit: ANSWER_PAGE,
      keep: (a) => a.bySeller || a.publication === "PUBLISHED",
    });
    return { answers: page.map(answerJson), last_id: page.at(-1)?.id ?? "" };
  },
};
