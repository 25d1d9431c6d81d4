/** POST /v2/review/count — reviews by status: total, new, viewed, processed. */
import { reviewCounts } from "../feedback";
import type { Route } from "./types";

export const reviewCount: Route = {
  premium: false,
  reviews: true,
  mutates: false,
  handle({ seller }) {
    return reviewCounts(seller.feedback);
  },
};
