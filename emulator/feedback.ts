/**
 * The emulator's product questions and reviews (Ozon's QuestionAnswer and Review APIs) and the product cards they are
 * about: the model, the operations the routes and the control API share, and their wire shapes.
 *
 * Ids are UUIDv7-like strings, as Ozon's are ("019294ff-6888-7009-89d8-26569e4e450d"): the first 48 bits count ms of
 * publication time from the seller's anchor (so the same seed gives the same ids whenever it is seeded), then a
 * per-seller counter, so ids sort as their publication times do. Lists are kept sorted
 * by id (new items are appended: their ids are the newest), and `last_id` paging is a keyset on the id [inf].
 */
import { badRequest, notFound } from "./errors";
import type { JsonObject } from "./input";

export type FeedbackStatus = "NEW" | "VIEWED" | "PROCESSED";
export const FEEDBACK_STATUSES: readonly FeedbackStatus[] = ["NEW", "VIEWED", "PROCESSED"];
/** Moderation of what the seller (or anyone) writes under a question or review [inf: Ozon names no values]. */
export type Publication = "PUBLISHED" | "MODERATION" | "REJECTED";

export interface CatalogProduct {
  product_id: number;
  sku: number;
  offer_id: string;
  name: string;
  price: string;
  images: string[];
}

export interface QuestionAnswer {
  id: string;
  questionId: string;
  sku: number;
  text: string;
  authorName: string;
  publishedAt: number;
  /** Written by the seller (through the API or Ozon's portal); otherwise by another buyer. */
  bySeller: boolean;
  publication: Publication;
}

export interface Question {
  id: string;
  sku: number;
  text: string;
  authorName: string;
  publishedAt: number;
  status: FeedbackStatus;
  /** Ozon's public number of the question, in `question_link` (?qid=). */
  qid: number;
  answers: QuestionAnswer[];
}

export interface ReviewPhoto {
  url: string;
  width: number;
  height: number;
}

export interface ReviewComment {
  id: string;
  text: string;
  parentCommentId: string | null;
  publishedAt: number;
  /** The seller wrote it. */
  isOwner: boolean;
  /** Ozon (an official) wrote it. */
  isOfficial: boolean;
  publication: Publication;
  deviationReason: string;
  likes: number;
  dislikes: number;
}

export interface Review {
  id: string;
  sku: number;
  text: string;
  rating: number;
  publishedAt: number;
  status: FeedbackStatus;
  orderStatus: "DELIVERED" | "CANCELLED";
  isRatingParticipant: boolean;
  photos: ReviewPhoto[];
  videos: { url: string; preview_url: string; short_video_preview_url: string; width: number; height: number }[];
  likes: number;
  dislikes: number;
  comments: ReviewComment[];
}

export interface SellerFeedback {
  /** The «Управление отзывами» subscription; Premium Pro includes it. Without either, review methods answer 403. */
  reviewManagement: boolean;
  products: CatalogProduct[];
  /** Sorted by id (= by publication time). */
  questions: Question[];
  /** Sorted by id (= by publication time). */
  reviews: Review[];
  /** Counter in every new id, so two items of one millisecond still differ and keep their order. */
  idSeq: number;
  /** ms epoch that ids count from: before every seeded item. */
  anchor: number;
}

/** Where the time part of ids starts: October 2024 as a UUIDv7 timestamp, so ids look like Ozon's. */
const ID_TIME_BASE = 0x0192_0000_0000;

export function emptyFeedback(anchor = 0): SellerFeedback {
  return { reviewManagement: false, products: [], questions: [], reviews: [], idSeq: 0, anchor };
}

/** A UUIDv7-shaped id whose order is the order of (time, counter). */
export function feedbackId(feedback: SellerFeedback, time: number): string {
  const ms = (ID_TIME_BASE + Math.max(0, Math.floor(time - feedback.anchor))).toString(16).padStart(12, "0").slice(-12);
  const seq = (feedback.idSeq++).toString(16).padStart(18, "0").slice(-18);
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${seq.slice(0, 3)}-8${seq.slice(3, 6)}-${seq.slice(6, 18)}`;
}

/** A new item's time: never before the newest one, so appending keeps the list sorted. */
export function appendSorted<T extends { id: string }>(items: T[], item: T): void {
  const last = items[items.length - 1];
  if (last && last.id >= item.id) throw new Error("feedback ids must increase");
  items.push(item);
}

// ---------------------------------------------------------------------------------------------
// Validation shared by the routes

/** Answers and comments: 2 to 3000 characters (Ozon: «Текст ответа объёмом от 2 до 3000 символов»), in code points [inf]. */
export const ANSWER_MIN_CHARS = 2;
export const ANSWER_MAX_CHARS = 3000;

export function validAnswerText(body: JsonObject): string {
  const v = body.text;
  if (v !== undefined && v !== null && typeof v !== "string") throw badRequest("text must be a string");
  const text = typeof v === "string" ? v : "";
  const length = [...text].length;
  if (length < ANSWER_MIN_CHARS || length > ANSWER_MAX_CHARS) {
    throw badRequest(`text must be ${ANSWER_MIN_CHARS} to ${ANSWER_MAX_CHARS} characters`);
  }
  if (text.trim() === "") throw badRequest("text must not be blank");
  return text;
}

export function feedbackStatus(value: string | undefined, field: string, allowed: readonly string[]): string | undefined {
  if (value === undefined || value === "") return undefined;
  const upper = value.toUpperCase();
  if (!allowed.includes(upper)) throw badRequest(`${field} must be one of ${allowed.join(", ")}`);
  return upper;
}

/** An RFC 3339 time of a filter; 400 when it is not one. */
export function optTime(o: JsonObject | undefined, field: string): number | undefined {
  const v = o?.[field];
  if (v === undefined || v === null || v === "") return undefined;
  const t = typeof v === "string" ? Date.parse(v) : NaN;
  if (Number.isNaN(t)) throw badRequest(`${field} must be a date-time`);
  return t;
}

// ---------------------------------------------------------------------------------------------
// Look-ups

export const MSG_FEEDBACK = {
  questionNotFound: "question not found",
  answerNotFound: "answer not found",
  reviewNotFound: "review not found",
  commentNotFound: "comment not found",
  skuMismatch: "sku does not match the question",
  notYours: "only the seller's own answers and comments can be deleted",
  reviewsRequired: "Information is available starting from the premium plus subscription.",
} as const;

/** Binary search in a list sorted by id. */
export function findById<T extends { id: string }>(items: readonly T[], id: string): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = items[mid]!;
    if (m.id === id) return m;
    if (m.id < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

export function findQuestion(feedback: SellerFeedback, id: string): Question {
  const q = findById(feedback.questions, id);
  if (!q) throw notFound(MSG_FEEDBACK.questionNotFound);
  return q;
}

export function findReview(feedback: SellerFeedback, id: string): Review {
  const r = findById(feedback.reviews, id);
  if (!r) throw notFound(MSG_FEEDBACK.reviewNotFound);
  return r;
}

/**
 * One page of a list sorted by id: after `lastId` in the direction given (a keyset: an id that is not in the list is
 * still a position [inf]), `limit` items that pass `keep`. `hasNext` says whether more would pass.
 */
export function keysetPage<T extends { id: string }>(
  items: readonly T[],
  opts: { lastId?: string; desc: boolean; limit: number; keep: (item: T) => boolean },
): { page: T[]; hasNext: boolean } {
  const page: T[] = [];
  const n = items.length;
  for (let k = 0; k < n; k++) {
    const item = items[opts.desc ? n - 1 - k : k]!;
    if (opts.lastId) {
      if (opts.desc ? item.id >= opts.lastId : item.id <= opts.lastId) continue;
    }
    if (!opts.keep(item)) continue;
    if (page.length === opts.limit) return { page, hasNext: true };
    page.push(item);
  }
  return { page, hasNext: false };
}

// ---------------------------------------------------------------------------------------------
// Wire shapes

const iso = (ms: number): string => new Date(ms).toISOString();

export function productUrl(sku: number): string {
  return `https://www.ozon.ru/product/${sku}/`;
}

export function questionJson(q: Question) {
  return {
    answers_count: q.answers.filter((a) => a.publication !== "REJECTED").length,
    author_name: q.authorName,
    id: q.id,
    product_url: productUrl(q.sku),
    published_at: iso(q.publishedAt),
    question_link: `${productUrl(q.sku)}questions/?qid=${q.qid}&utm_campaign=reviews_sc_link&utm_medium=share_button&utm_source=smm`,
    sku: q.sku,
    status: q.status,
    text: q.text,
  };
}

export function answerJson(a: QuestionAnswer) {
  return {
    author_name: a.authorName,
    id: a.id,
    published_at: iso(a.publishedAt),
    question_id: a.questionId,
    sku: a.sku,
    status_publication: a.publication,
    text: a.text,
  };
}

export function reviewListJson(r: Review) {
  return {
    comments_amount: r.comments.filter((c) => c.publication !== "REJECTED").length,
    id: r.id,
    is_rating_participant: r.isRatingParticipant,
    order_status: r.orderStatus,
    photos_amount: r.photos.length,
    published_at: iso(r.publishedAt),
    rating: r.rating,
    sku: r.sku,
    status: r.status,
    text: r.text,
    videos_amount: r.videos.length,
  };
}

export function reviewInfoJson(r: Review) {
  return {
    ...reviewListJson(r),
    dislikes_amount: r.dislikes,
    likes_amount: r.likes,
    photos: r.photos.map((p) => ({ height: p.height, url: p.url, width: p.width })),
    videos: r.videos,
  };
}

export function commentJson(c: ReviewComment) {
  return {
    deviation_reason: c.deviationReason,
    dislikes_amount: c.dislikes,
    id: c.id,
    is_official: c.isOfficial,
    is_owner: c.isOwner,
    is_published: c.publication === "PUBLISHED",
    is_rejected: c.publication === "REJECTED",
    likes_amount: c.likes,
    parent_comment_id: c.parentCommentId ?? "",
    published_at: iso(c.publishedAt),
    text: c.text,
  };
}

/** Count of questions by status; UNPROCESSED is NEW and VIEWED together (all = new + viewed + processed) [1: live report]. */
export function questionCounts(feedback: SellerFeedback) {
  const c = { all: 0, new: 0, processed: 0, unprocessed: 0, viewed: 0 };
  for (const q of feedback.questions) {
    c.all++;
    if (q.status === "NEW") c.new++;
    else if (q.status === "VIEWED") c.viewed++;
    else c.processed++;
  }
  c.unprocessed = c.new + c.viewed;
  return c;
}

export function reviewCounts(feedback: SellerFeedback) {
  const c = { new: 0, processed: 0, total: 0, viewed: 0 };
  for (const r of feedback.reviews) {
    c.total++;
    if (r.status === "NEW") c.new++;
    else if (r.status === "VIEWED") c.viewed++;
    else c.processed++;
  }
  return c;
}

/** Whether a status filter value (ALL, UNPROCESSED or a status) keeps an item of `status`. */
export function statusMatches(filter: string | undefined, status: FeedbackStatus): boolean {
  if (filter === undefined || filter === "ALL") return true;
  if (filter === "UNPROCESSED") return status !== "PROCESSED";
  return filter === status;
}
