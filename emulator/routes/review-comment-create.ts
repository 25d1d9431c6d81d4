/**
 * POST /v1/review/comment/create — the seller comments on a review (`review_id`, `text`; `parent_comment_id` answers a
 * comment of that review). Text 2..3000 characters, as answers to questions [inf: Ozon states no limit for comments].
 * The comment goes to moderation [inf]; with `mark_review_as_processed` the review becomes PROCESSED, otherwise its
 * status stays. Answers `{comment_id}`.
 */
import { notFound } from "../errors";
import { appendSorted, feedbackId, findReview, MSG_FEEDBACK, validAnswerText } from "../feedback";
import { optBool, optString, reqString } from "../input";
import type { Route } from "./types";

export const reviewCommentCreate: Route = {
  premium: false,
  reviews: true,
  mutates: true,
  handle({ seller, body, now }) {
    const reviewId = reqString(body, "review_id");
    const text = validAnswerText(body);
    const parent = optString(body, "parent_comment_id") || null;
    const markProcessed = optBool(body, "mark_review_as_processed") ?? false;
    const review = findReview(seller.feedback, reviewId);
    if (parent && !review.comments.some((c) => c.id === parent)) throw notFound(MSG_FEEDBACK.commentNotFound);
    const id = feedbackId(seller.feedback, Math.max(now, review.comments.at(-1)?.publishedAt ?? 0));
    appendSorted(review.comments, {
      id,
      text,
      parentCommentId: parent,
      publishedAt: now,
      isOwner: true,
      isOfficial: false,
      publication: "MODERATION",
      deviationReason: "",
      likes: 0,
      dislikes: 0,
    });
    if (markProcessed) review.status = "PROCESSED";
    return { comment_id: id };
  },
};
