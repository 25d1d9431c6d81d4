/**
 * POST /v2/review/comment/delete — deletes one of the seller's comments (`comment_id`, the review's `sku`); a buyer's
 * or Ozon's comment: 403 [inf]. Replies to it stay [inf]. Answers `{}`.
 */
import { badRequest, forbidden, notFound } from "../errors";
import { MSG_FEEDBACK } from "../feedback";
import { reqInt, reqString } from "../input";
import type { Route } from "./types";

export const reviewCommentDelete: Route = {
  premium: false,
  reviews: true,
  mutates: true,
  handle({ seller, body }) {
    const commentId = reqString(body, "comment_id");
    const sku = reqInt(body, "sku", 1, Number.MAX_SAFE_INTEGER);
    for (const r of seller.feedback.reviews) {
      const i = r.comments.findIndex((c) => c.id === commentId);
      if (i < 0) continue;
      if (r.sku !== sku) throw badRequest("sku does not match the review");
      if (!r.comments[i]!.isOwner) throw forbidden(MSG_FEEDBACK.notYours);
      r.comments.splice(i, 1);
      return {};
    }
    throw notFound(MSG_FEEDBACK.commentNotFound);
  },
};
