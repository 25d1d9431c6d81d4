/**
 * Shared zod schemas of Ozon's product questions and reviews (QuestionAnswer and Review APIs) and their camelCase
 * output. Shapes from Ozon's reference (v1Question…, ReviewListV2, ReviewInfoV2, CommentListResponseComment; see
 * docs/ozon-wire-decisions.md "Questions and reviews"). Every field is optional there; Ozon's own examples write int64
 * both as numbers and as strings ("answers_count": "0", "sku": "148591503"), so both are read. Enums stay open strings,
 * upper-cased.
 */
import { z } from "zod";

import { looseStringSchema } from "./schemas";

/** An int64 count or amount: a number or a decimal string; absent is 0. */
export const int64CountSchema = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)])
  .nullish()
  .transform((v) => (v === null || v === undefined ? 0 : Number(v)));

/** A SKU: int64 as a number or a decimal string, kept as a decimal string (SKUs are ids, not numbers to add). */
const skuSchema = looseStringSchema;

const openEnum = (fallback: string) =>
  z
    .string()
    .nullish()
    .transform((s) => (s ? s.toUpperCase() : fallback));

const text = z
  .string()
  .nullish()
  .transform((s) => s ?? "");

/** "" for no parent / unknown; Ozon writes empty strings for unset fields. */
const optionalId = z
  .string()
  .nullish()
  .transform((s) => (s ? s : null));

/** NEW | VIEWED | PROCESSED (v1 reviews also UNPROCESSED). */
export type OzonFeedbackStatus = string;

export const questionSchema = z
  .object({
    id: z.string().min(1),
    sku: skuSchema,
    text,
    author_name: text,
    answers_count: int64CountSchema,
    product_url: text,
    question_link: text,
    published_at: z.string().min(1),
    status: openEnum("UNKNOWN"),
  })
  .transform((q) => ({
    id: q.id,
    sku: q.sku,
    text: q.text,
    authorName: q.author_name,
    answersCount: q.answers_count,
    productUrl: q.product_url,
    questionLink: q.question_link,
    publishedAt: q.published_at,
    status: q.status as OzonFeedbackStatus,
  }));
export type OzonQuestion = z.output<typeof questionSchema>;

export const questionAnswerSchema = z
  .object({
    id: z.string().min(1),
    question_id: text,
    sku: skuSchema.nullish(),
    text,
    author_name: text,
    published_at: z.string().min(1),
    // Added in 2026; values undocumented (Ozon's example: ""). Kept as written, "" as null.
    status_publication: optionalId,
  })
  .transform((a) => ({
    id: a.id,
    questionId: a.question_id,
    sku: a.sku ?? "",
    text: a.text,
    authorName: a.author_name,
    publishedAt: a.published_at,
    statusPublication: a.status_publication ? a.status_publication.toUpperCase() : null,
  }));
export type OzonQuestionAnswer = z.output<typeof questionAnswerSchema>;

const reviewBase = {
  id: z.string().min(1),
  sku: skuSchema,
  text,
  rating: int64CountSchema,
  published_at: z.string().min(1),
  status: openEnum("UNKNOWN"),
  order_status: openEnum("UNKNOWN"),
  is_rating_participant: z.boolean().nullish(),
  comments_amount: int64CountSchema,
  photos_amount: int64CountSchema,
  videos_amount: int64CountSchema,
};

function reviewSummary(r: z.output<z.ZodObject<typeof reviewBase>>) {
  return {
    id: r.id,
    sku: r.sku,
    text: r.text,
    rating: r.rating,
    publishedAt: r.published_at,
    status: r.status as OzonFeedbackStatus,
    orderStatus: r.order_status,
    isRatingParticipant: r.is_rating_participant ?? false,
    commentsAmount: r.comments_amount,
    photosAmount: r.photos_amount,
    videosAmount: r.videos_amount,
  };
}

export const reviewSummarySchema = z.object(reviewBase).transform(reviewSummary);
export type OzonReviewSummary = z.output<typeof reviewSummarySchema>;

const photoSchema = z
  .object({ url: z.string(), width: int64CountSchema, height: int64CountSchema })
  .transform((p) => ({ url: p.url, width: p.width, height: p.height }));
const videoSchema = z
  .object({
    url: text,
    preview_url: text,
    short_video_preview_url: text,
    width: int64CountSchema,
    height: int64CountSchema,
  })
  .transform((v) => ({
    url: v.url,
    previewUrl: v.preview_url,
    shortVideoPreviewUrl: v.short_video_preview_url,
    width: v.width,
    height: v.height,
  }));

export const reviewInfoSchema = z
  .object({
    ...reviewBase,
    likes_amount: int64CountSchema,
    dislikes_amount: int64CountSchema,
    photos: z.array(photoSchema).nullish(),
    videos: z.array(videoSchema).nullish(),
  })
  .transform((r) => ({
    ...reviewSummary(r),
    likesAmount: r.likes_amount,
    dislikesAmount: r.dislikes_amount,
    photos: r.photos ?? [],
    videos: r.videos ?? [],
  }));
export type OzonReview = z.output<typeof reviewInfoSchema>;

export const reviewCommentSchema = z
  .object({
    id: z.string().min(1),
    text,
    parent_comment_id: optionalId,
    published_at: z.string().min(1),
    is_owner: z.boolean().nullish(),
    is_official: z.boolean().nullish(),
    // Added in April 2026: the moderation state of a comment.
    is_published: z.boolean().nullish(),
    is_rejected: z.boolean().nullish(),
    deviation_reason: text,
    likes_amount: int64CountSchema,
    dislikes_amount: int64CountSchema,
  })
  .transform((c) => ({
    id: c.id,
    text: c.text,
    parentCommentId: c.parent_comment_id,
    publishedAt: c.published_at,
    isOwner: c.is_owner ?? false,
    isOfficial: c.is_official ?? false,
    // Older answers carry neither flag and list only moderated comments: absent is published.
    isPublished: c.is_published ?? !(c.is_rejected ?? false),
    isRejected: c.is_rejected ?? false,
    deviationReason: c.deviation_reason === "" ? null : c.deviation_reason,
    likesAmount: c.likes_amount,
    dislikesAmount: c.dislikes_amount,
  }));
export type OzonReviewComment = z.output<typeof reviewCommentSchema>;

/** A change-status or delete answers `{}` (or nothing). */
export const emptyResponseSchema = z
  .unknown()
  .transform(() => ({ ok: true as const }));

/** A SKU in a request: a decimal string, written as a bare JSON integer (int64) losslessly from a bigint. */
export const skuRequestSchema = z
  .string()
  .regex(/^\d{1,19}$/, { error: "sku must be a decimal id" })
  .transform((s) => BigInt(s));
