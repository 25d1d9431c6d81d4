/** POST /v1/question/info — one question by `question_id`. */
import { findQuestion, questionJson } from "../feedback";
import { reqString } from "../input";
import type { Route } from "./types";

export const questionInfo: Route = {
  premium: true,
  mutates: false,
  handle({ seller, body }) {
    return questionJson(findQuestion(seller.feedback, reqString(body, "question_id")));
  },
};
