/**
 * POST /v2/review/change-status — sets NEW, VIEWED or PROCESSED on 1..100 reviews. An unknown id refuses the whole
 * call with 404, nothing applied [inf]. Answers `{}`.
 */
import { badRequest } from "../errors";
import { feedbackStatus, findReview, type FeedbackStatus } from "../feedback";
import { optStringArray, reqString } from "../input";
import type { Route } from "./types";

export const reviewChangeStatus: Route = {
  premium: false,
  reviews: true,
  mutates: true,
  handle({ seller, body }) {
    const ids = optStringArray(body, "review_ids") ?? [];
    if (ids.length < 1 || ids.length > 100) throw badRequest("review_ids must have 1 to 100 items");
    const status = feedbackStatus(reqString(body, "status"), "status", ["NEW", "VIEWED", "PROCESSED"]) as FeedbackStatus;
    const reviews = ids.map((id) => findReview(seller.feedback, id));
    for (const r of reviews) r.status = status;
    return {};
  },
};
