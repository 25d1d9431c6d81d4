/**
 * POST /v1/rating/history — the values of chosen ratings over a period, with Ozon's thresholds and, per value, the
 * flags danger / premium / warning (RatingAPI_RatingHistoryV1: v1RatingHistoryV1Request, v1Rating, v1PremiumScores).
 */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { doubleSchema } from "./get-rating-summary";
import { ozonRequest, parseRequest } from "./request";

const GET_RATING_HISTORY_PATH = "/v1/rating/history";

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { error: "must be an ISO date-time" });

const getRatingHistoryRequestSchema = z.object({
  date_from: isoDate,
  date_to: isoDate,
  ratings: z.array(z.string().min(1)).min(1, { error: "ratings must name at least one rating" }),
  with_premium_scores: z.boolean().optional(),
});

const getRatingHistoryResponseSchema = z
  .object({
    ratings: z
      .array(
        z.object({
          rating: z.string().nullish(),
          danger_threshold: doubleSchema,
          premium_threshold: doubleSchema,
          warning_threshold: doubleSchema,
          values: z
            .array(
              z.object({
                date_from: z.string().nullish(),
                date_to: z.string().nullish(),
                value: doubleSchema,
                status: z
                  .object({ danger: z.boolean().nullish(), premium: z.boolean().nullish(), warning: z.boolean().nullish() })
                  .nullish(),
              }),
            )
            .nullish(),
        }),
      )
      .nullish(),
    premium_scores: z
      .array(
        z.object({
          rating: z.string().nullish(),
          scores: z
            .array(z.object({ date: z.string().nullish(), rating_value: doubleSchema, value: z.number().int().nullish() }))
            .nullish(),
        }),
      )
      .nullish(),
  })
  .transform((r) => ({
    ratings: (r.ratings ?? []).map((x) => ({
      rating: x.rating ?? "",
      dangerThreshold: x.danger_threshold,
      premiumThreshold: x.premium_threshold,
      warningThreshold: x.warning_threshold,
      values: (x.values ?? []).map((v) => ({
        dateFrom: v.date_from ?? null,
        dateTo: v.date_to ?? null,
        value: v.value,
        status: { danger: v.status?.danger ?? false, premium: v.status?.premium ?? false, warning: v.status?.warning ?? false },
      })),
    })),
    premiumScores: (r.premium_scores ?? []).map((p) => ({
      rating: p.rating ?? "",
      scores: (p.scores ?? []).map((s) => ({ date: s.date ?? null, ratingValue: s.rating_value, value: s.value ?? 0 })),
    })),
  }));
export type GetRatingHistoryResult = z.output<typeof getRatingHistoryResponseSchema>;

export type GetRatingHistoryParams = {
  from: Date;
  to: Date;
  ratings: readonly string[];
  withPremiumScores?: boolean;
};

export async function getRatingHistory(
  conn: OzonConnection,
  params: GetRatingHistoryParams,
  opts?: OzonCallOptions,
): Promise<GetRatingHistoryResult> {
  const body = parseRequest(
    getRatingHistoryRequestSchema,
    {
      date_from: params.from.toISOString(),
      date_to: params.to.toISOString(),
      ratings: [...params.ratings],
      ...(params.withPremiumScores === undefined ? {} : { with_premium_scores: params.withPremiumScores }),
    },
    GET_RATING_HISTORY_PATH,
  );
  return ozonRequest(conn, { path: GET_RATING_HISTORY_PATH, body, schema: getRatingHistoryResponseSchema, idempotent: true }, opts);
}
