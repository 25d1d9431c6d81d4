/**
 * POST /v1/rating/summary — the seller's current ratings in groups (Ozon's "Рейтинги → Рейтинги продавца"), each with
 * its value now and before, status and value type. Request body `{}`.
 *
 * Shape from Ozon's schema (RatingAPI_RatingSummaryV1: v1RatingItem, RatingItemChange). Every field is optional in
 * Ozon's schema; enums are open strings here (Ozon adds values), upper-cased.
 */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { ozonRequest } from "./request";

const GET_RATING_SUMMARY_PATH = "/v1/rating/summary";

const enumString = (fallback: string) =>
  z
    .string()
    .nullish()
    .transform((s) => (s ? s.toUpperCase() : fallback));
/** A double; Ozon may leave it out (proto3 omits zero values). */
export const doubleSchema = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/)])
  .nullish()
  .transform((v) => (v === null || v === undefined ? 0 : Number(v)));

const ratingItemSchema = z
  .object({
    rating: z.string().nullish(),
    name: z.string().nullish(),
    current_value: doubleSchema,
    past_value: doubleSchema,
    /** OK | WARNING | CRITICAL | UNKNOWN_STATUS */
    status: enumString("UNKNOWN_STATUS"),
    /** INDEX | PERCENT | TIME | RATIO | REVIEW_SCORE | COUNT | UNKNOWN_VALUE */
    value_type: enumString("UNKNOWN_VALUE"),
    /** HIGHER_IS_BETTER | LOWER_IS_BETTER | NEUTRAL | UNKNOWN_DIRECTION */
    rating_direction: enumString("UNKNOWN_DIRECTION"),
    change: z
      .object({ direction: enumString("DIRECTION_UNKNOWN"), meaning: enumString("MEANING_UNKNOWN") })
      .nullish(),
  })
  .transform((r) => ({
    rating: r.rating ?? "",
    name: r.name ?? "",
    currentValue: r.current_value,
    pastValue: r.past_value,
    status: r.status,
    valueType: r.value_type,
    ratingDirection: r.rating_direction,
    change: { direction: r.change?.direction ?? "DIRECTION_UNKNOWN", meaning: r.change?.meaning ?? "MEANING_UNKNOWN" },
  }));
export type OzonRatingItem = z.output<typeof ratingItemSchema>;

const getRatingSummaryResponseSchema = z
  .object({
    groups: z
      .array(z.object({ group_name: z.string().nullish(), items: z.array(ratingItemSchema).nullish() }))
      .nullish(),
    penalty_score_exceeded: z.boolean().nullish(),
    premium: z.boolean().nullish(),
    premium_plus: z.boolean().nullish(),
  })
  .transform((r) => ({
    groups: (r.groups ?? []).map((g) => ({ groupName: g.group_name ?? "", items: g.items ?? [] })),
    penaltyScoreExceeded: r.penalty_score_exceeded ?? false,
    premium: r.premium ?? false,
    premiumPlus: r.premium_plus ?? false,
  }));
export type GetRatingSummaryResult = z.output<typeof getRatingSummaryResponseSchema>;

export async function getRatingSummary(conn: OzonConnection, opts?: OzonCallOptions): Promise<GetRatingSummaryResult> {
  return ozonRequest(
    conn,
    { path: GET_RATING_SUMMARY_PATH, body: {}, schema: getRatingSummaryResponseSchema, idempotent: true },
    opts,
  );
}

/** The items of every group, by their `rating` code (the first one when Ozon lists a rating twice). */
export function ratingItemsByCode(summary: GetRatingSummaryResult): Map<string, OzonRatingItem> {
  const out = new Map<string, OzonRatingItem>();
  for (const group of summary.groups) for (const item of group.items) if (!out.has(item.rating)) out.set(item.rating, item);
  return out;
}
