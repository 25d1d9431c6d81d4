/** POST /v2/review/info — one review by `review_id`, with its photos and videos. */
import { findReview, reviewInfoJson } from "../feedback";
import { reqString } from "../input";
import type { Route } from "./types";

export const reviewInfo: Route = {
  premium: false,
  reviews: true,
  mutates: false,
  handle({ seller, body }) {
    return reviewInfoJson(findReview(seller.feedback, reqString(body, "review_id")));
  },
};
