/**
 * POST /v1/question/change-status — sets NEW, VIEWED or PROCESSED on 1..100 questions [inf: the bound is the reviews'].
 * An unknown id refuses the whole call with 404, nothing applied [inf]. Answers `{}`.
 */
import { badRequest } from "../errors";
import { feedbackStatus, findQuestion, type FeedbackStatus } from "../feedback";
import { optStringArray, reqString } from "../input";
import type { Route } from "./types";

export const questionChangeStatus: Route = {
  premium: true,
  mutates: true,
  handle({ seller, body }) {
    const ids = optStringArray(body, "question_ids") ?? [];
    if (ids.length < 1 || ids.length > 100) throw badRequest("question_ids must have 1 to 100 items");
    const status = feedbackStatus(reqString(body, "status"), "status", ["NEW", "VIEWED", "PROCESSED"]) as FeedbackStatus;
    const questions = ids.map((id) => findQuestion(seller.feedback, id));
    for (const q of questions) q.status = status;
    return {};
  },
};
