/**
 * POST /v1/question/answer/delete — deletes one of the seller's answers (`answer_id`, the question's `sku`). Another
 * buyer's answer: 403 [inf]. The question keeps its status [inf]. Answers `{}`.
 */
import { badRequest, forbidden, notFound } from "../errors";
import { MSG_FEEDBACK } from "../feedback";
import { reqInt, reqString } from "../input";
import type { Route } from "./types";

export const questionAnswerDelete: Route = {
  premium: true,
  mutates: true,
  handle({ seller, body }) {
    const answerId = reqString(body, "answer_id");
    const sku = reqInt(body, "sku", 1, Number.MAX_SAFE_INTEGER);
    for (const q of seller.feedback.questions) {
      const i = q.answers.findIndex((a) => a.id === answerId);
      if (i < 0) continue;
      const answer = q.answers[i]!;
      if (answer.sku !== sku) throw badRequest(MSG_FEEDBACK.skuMismatch);
      if (!answer.bySeller) throw forbidden(MSG_FEEDBACK.notYours);
      q.answers.splice(i, 1);
      return {};
    }
    throw notFound(MSG_FEEDBACK.answerNotFound);
  },
};
