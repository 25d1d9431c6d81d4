import {
  getReview,
  listAllQuestionAnswers,
  listAllReviewComments,
  type OzonConnection,
  type OzonQuestion,
  type OzonReviewSummary,
} from "@/lib/ozon";

import type { ProductCard } from "@/lib/products/ensure-products";
import type { FeedbackItem, FeedbackReply } from "./store-feedback-item";

export type LoadFeedbackOptions = {
  /** The cache holds answers/comments of the item: read them even when Ozon counts none (ours may be in moderation). */
  cachedReplies: boolean;
  product: ProductCard | undefined;
  /** Called before every Ozon call (counts them, renews a lease). */
  onCall: () => Promise<void>;
  signal?: AbortSignal;
};

/**
 * A question with its answers (read when Ozon counts any, or the cache holds some). An answer is ours when its
 * author_name is the shop's name: the wire has no owner flag (docs/ozon-wire-decisions.md).
 */
export async function loadQuestionItem(
  connection: OzonConnection,
  q: OzonQuestion,
  shopName: string,
  options: LoadFeedbackOptions,
): Promise<FeedbackItem> {
  let replies: FeedbackReply[] = [];
  let complete = true;
  if (q.answersCount > 0 || options.cachedReplies) {
    const listed = await listAllQuestionAnswers(connection, { questionId: q.id, sku: q.sku }, { signal: options.signal });
    for (let i = 0; i < listed.pages; i++) await options.onCall();
    complete = listed.complete;
    replies = listed.answers.map((a) => ({
      ozonId: a.id,
      text: a.text,
      author: shopName !== "" && a.authorName === shopName ? "seller" : "buyer_other",
      authorName: a.authorName,
      publishedAt: a.publishedAt,
      moderation: a.statusPublication,
    }));
  }
  return {
    kind: "question",
    ozonId: q.id,
    sku: q.sku,
    text: q.text,
    authorName: q.authorName,
    publishedAt: q.publishedAt,
    status: q.status,
    replyCount: q.answersCount,
    rating: null,
    photos: null,
    product: options.product ?? null,
    replies,
    repliesComplete: complete,
  };
}

/** A review with its photos (/v2/review/info, unless given) and comments (read when Ozon counts any or the cache holds some). */
export async function loadReviewItem(
  connection: OzonConnection,
  r: OzonReviewSummary & { photos?: FeedbackItem["photos"] },
  options: LoadFeedbackOptions,
): Promise<FeedbackItem> {
  let photos = r.photos ?? [];
  if (r.photos === undefined && r.photosAmount > 0) {
    await options.onCall();
    photos = (await getReview(connection, r.id, { signal: options.signal })).photos;
  }
  let replies: FeedbackReply[] = [];
  let complete = true;
  if (r.commentsAmount > 0 || options.cachedReplies) {
    const listed = await listAllReviewComments(connection, { reviewId: r.id }, { signal: options.signal });
    for (let i = 0; i < listed.pages; i++) await options.onCall();
    complete = listed.complete;
    replies = listed.comments.map((c) => ({
      ozonId: c.id,
      text: c.text,
      author: c.isOwner ? "seller" : c.isOfficial ? "ozon" : "buyer_other",
      authorName: "",
      publishedAt: c.publishedAt,
      moderation: c.isRejected ? "REJECTED" : c.isPublished ? "PUBLISHED" : "MODERATION",
    }));
  }
  return {
    kind: "review",
    ozonId: r.id,
    sku: r.sku,
    text: r.text,
    authorName: "",
    publishedAt: r.publishedAt,
    status: r.status,
    replyCount: r.commentsAmount,
    rating: r.rating,
    photos,
    product: options.product ?? null,
    replies,
    repliesComplete: complete,
  };
}
