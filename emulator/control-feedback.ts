/**
 * The control API's side of questions and reviews (README "Questions and reviews"): buyers ask and review, others
 * answer and comment, Ozon moderates, and the seller's subscriptions change — everything a poll test needs to see
 * arrive. Handlers are merged into control.ts's table.
 */
import type { Emulator } from "./core";
import { badRequest, notFound } from "./errors";
import {
  answerJson,
  appendSorted,
  commentJson,
  feedbackId,
  findQuestion,
  findReview,
  questionJson,
  reviewInfoJson,
  type Publication,
  type Question,
  type Review,
} from "./feedback";
import { optBool, optNumber, optString, reqString, type JsonObject } from "./input";
import type { Seller, Subscription } from "./state";

type Handler = (emulator: Emulator, body: JsonObject, query: URLSearchParams) => unknown;

const SUBSCRIPTIONS: readonly Subscription[] = ["PREMIUM_PLUS", "PREMIUM_PRO", "PREMIUM", "UNKNOWN"];
const PUBLICATIONS: readonly Publication[] = ["PUBLISHED", "MODERATION", "REJECTED"];

function sellerOf(emulator: Emulator, o: JsonObject | URLSearchParams): Seller {
  const clientId = (o instanceof URLSearchParams ? o.get("client_id") : optString(o, "client_id")) || "demo-client";
  const seller = emulator.seller(clientId);
  if (!seller) throw notFound(`unknown client_id ${clientId}`);
  return seller;
}

/** A SKU of the seller's catalog: the one asked for (it must exist), or the first. */
function skuOf(seller: Seller, body: JsonObject): number {
  const sku = optNumber(body, "sku");
  const products = seller.feedback.products;
  if (sku === undefined) {
    if (!products[0]) throw badRequest("the seller has no products");
    return products[0].sku;
  }
  if (!products.some((p) => p.sku === sku)) throw badRequest("sku is not in the seller's catalog");
  return sku;
}

function text(body: JsonObject): string {
  const t = reqString(body, "text");
  if (t.trim() === "") throw badRequest("text must not be blank");
  return t;
}

function publication(body: JsonObject, fallback: Publication): Publication {
  const p = (optString(body, "publication") ?? fallback).toUpperCase() as Publication;
  if (!PUBLICATIONS.includes(p)) throw badRequest(`publication must be one of ${PUBLICATIONS.join(", ")}`);
  return p;
}

function feedbackState(seller: Seller) {
  return {
    review_management: seller.feedback.reviewManagement,
    subscription: seller.subscription,
    questions: seller.feedback.questions.map((q) => ({ ...questionJson(q), answers: q.answers.map((a) => ({ ...answerJson(a), by_seller: a.bySeller })) })),
    reviews: seller.feedback.reviews.map((r) => ({ ...reviewInfoJson(r), comments: r.comments.map(commentJson) })),
  };
}

/** GET /__emulator/feedback, as emulator/testing.ts types it. */
export type FeedbackState = ReturnType<typeof feedbackState>;

export const FEEDBACK_HANDLERS: Record<string, Handler> = {
  "GET /__emulator/feedback": (emulator, _body, query) => feedbackState(sellerOf(emulator, query)),

  "POST /__emulator/seller-settings": (emulator, body) => {
    const seller = sellerOf(emulator, body);
    const reviewManagement = optBool(body, "review_management");
    const subscription = optString(body, "subscription");
    if (subscription !== undefined && !SUBSCRIPTIONS.includes(subscription as Subscription)) {
      throw badRequest(`subscription must be one of ${SUBSCRIPTIONS.join(", ")}`);
    }
    if (reviewManagement !== undefined) seller.feedback.reviewManagement = reviewManagement;
    if (subscription !== undefined) seller.subscription = subscription as Subscription;
    emulator.changed();
    return { client_id: seller.clientId, subscription: seller.subscription, review_management: seller.feedback.reviewManagement };
  },

  "POST /__emulator/buyer-question": (emulator, body) => {
    const seller = sellerOf(emulator, body);
    const now = emulator.now();
    const q: Question = {
      id: feedbackId(seller.feedback, now),
      sku: skuOf(seller, body),
      text: text(body),
      authorName: optString(body, "author_name") ?? "Пользователь OZON",
      publishedAt: now,
      status: "NEW",
      qid: 290_000_000 + seller.feedback.questions.length,
      answers: [],
    };
    appendSorted(seller.feedback.questions, q);
    emulator.changed();
    return questionJson(q);
  },

  "POST /__emulator/question-answer": (emulator, body) => {
    const seller = sellerOf(emulator, body);
    const q = findQuestion(seller.feedback, reqString(body, "question_id"));
    const now = emulator.now();
    const bySeller = (optString(body, "by") ?? "buyer") === "seller";
    const answer = {
      id: feedbackId(seller.feedback, now),
      questionId: q.id,
      sku: q.sku,
      text: text(body),
      authorName: bySeller ? seller.companyName : (optString(body, "author_name") ?? "Пользователь OZON"),
      publishedAt: now,
      bySeller,
      publication: publication(body, "PUBLISHED"),
    };
    appendSorted(q.answers, answer);
    // The seller answering in Ozon's portal processes the question, as /v1/question/answer/create does [inf].
    if (bySeller) q.status = "PROCESSED";
    emulator.changed();
    return answerJson(answer);
  },

  "POST /__emulator/buyer-review": (emulator, body) => {
    const seller = sellerOf(emulator, body);
    const now = emulator.now();
    const rating = optNumber(body, "rating") ?? 5;
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw badRequest("rating must be 1 to 5");
    const photos = optNumber(body, "photos") ?? 0;
    if (!Number.isInteger(photos) || photos < 0 || photos > 10) throw badRequest("photos must be 0 to 10");
    const id = feedbackId(seller.feedback, now);
    const cancelled = optString(body, "order_status") === "CANCELLED";
    const r: Review = {
      id,
      sku: skuOf(seller, body),
      text: optString(body, "text") ?? "",
      rating,
      publishedAt: now,
      status: "NEW",
      orderStatus: cancelled ? "CANCELLED" : "DELIVERED",
      isRatingParticipant: !cancelled,
      photos: Array.from({ length: photos }, (_, n) => ({ url: `https://cdn1.ozone.example/s3/rp-photo/${id}-${n + 1}.jpg`, width: 1200, height: 1600 })),
      videos: [],
      likes: 0,
      dislikes: 0,
      comments: [],
    };
    appendSorted(seller.feedback.reviews, r);
    emulator.changed();
    return reviewInfoJson(r);
  },

  "POST /__emulator/review-comment": (emulator, body) => {
    const seller = sellerOf(emulator, body);
    const r = findReview(seller.feedback, reqString(body, "review_id"));
    const by = optString(body, "by") ?? "buyer";
    if (!["buyer", "seller", "ozon"].includes(by)) throw badRequest("by must be buyer, seller or ozon");
    const parent = optString(body, "parent_comment_id") || null;
    if (parent && !r.comments.some((c) => c.id === parent)) throw notFound("comment not found");
    const now = emulator.now();
    const comment = {
      id: feedbackId(seller.feedback, now),
      text: text(body),
      parentCommentId: parent,
      publishedAt: now,
      isOwner: by === "seller",
      isOfficial: by === "ozon",
      publication: publication(body, "PUBLISHED"),
      deviationReason: "",
      likes: 0,
      dislikes: 0,
    };
    appendSorted(r.comments, comment);
    emulator.changed();
    return commentJson(comment);
  },

  /** Ozon's moderation decides on an answer or a comment: PUBLISHED, or REJECTED with a reason. */
  "POST /__emulator/moderate": (emulator, body) => {
    const seller = sellerOf(emulator, body);
    const result = publication(body, "PUBLISHED");
    const reason = optString(body, "reason") ?? "";
    const answerId = optString(body, "answer_id");
    const commentId = optString(body, "comment_id");
    if (answerId) {
      for (const q of seller.feedback.questions) {
        const a = q.answers.find((x) => x.id === answerId);
        if (a) {
          a.publication = result;
          emulator.changed();
          return answerJson(a);
        }
      }
      throw notFound("answer not found");
    }
    if (commentId) {
      for (const r of seller.feedback.reviews) {
        const c = r.comments.find((x) => x.id === commentId);
        if (c) {
          c.publication = result;
          c.deviationReason = result === "REJECTED" ? reason : "";
          emulator.changed();
          return commentJson(c);
        }
      }
      throw notFound("comment not found");
    }
    throw badRequest("answer_id or comment_id is required");
  },
};
