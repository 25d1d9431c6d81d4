/** POST /v1/question/count — questions by status: all, new, viewed, processed, unprocessed (= new + viewed). */
import { questionCounts } from "../feedback";
import type { Route } from "./types";

export const questionCount: Route = {
  premium: true,
  mutates: false,
  handle({ seller }) {
    return questionCounts(seller.feedback);
  },
};
