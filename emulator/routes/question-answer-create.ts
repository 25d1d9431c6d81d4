/**
 * POST /v1/question/answer/create — the seller answers a question: `question_id`, `sku` (the question's), `text` of
 * 2..3000 characters. The answer goes to moderation and the question becomes PROCESSED [inf]. Answers `{answer_id}`.
 */
import { badRequest } from "../errors";
import { appendSorted, feedbackId, findQuestion, MSG_FEEDBACK, validAnswerText } from "../feedback";
import { reqInt, reqString } from "../input";
import type { Route } from "./types";

export const questionAnswerCreate: Route = {
  premium: true,
  mutates: true,
  handle({ seller, body, now }) {
    const questionId = reqString(body, "question_id");
    const sku = reqInt(body, "sku", 1, Number.MAX_SAFE_INTEGER);
    const text = validAnswerText(body);
    const question = findQuestion(seller.feedback, questionId);
    if (question.sku !== sku) throw badRequest(MSG_FEEDBACK.skuMismatch);
    const id = feedbackId(seller.feedback, Math.max(now, question.answers.at(-1)?.publishedAt ?? 0));
    appendSorted(question.answers, {
      id,
      questionId,
      sku,
      text,
      authorName: seller.companyName,
      publishedAt: now,
      bySeller: true,
      publication: "MODERATION",
    });
    question.status = "PROCESSED";
    return { answer_id: id };
  },
};
