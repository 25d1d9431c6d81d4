/**
 * POST /v1/rating/history — `{date_from, date_to, ratings, with_premium_scores?}` → per rating its thresholds and one
 * value per UTC day of the period [inf]: the day's `date_from`/`date_to` (midnight to midnight) and the 30-day value
 * as it stood at the end of that day (or now, for today). Days after now are left out; so are ratings the emulator
 * does not know [inf]. At most 366 days [inf].
 */
import { badRequest } from "../errors";
import { optBool, optStringArray, reqString } from "../input";
import { iso } from "../render";
import { CHAT_RATING_META, ratingFlags, ratingValue, RATING_WINDOW_MS, sellerTurns, type ChatRatingCode } from "../ratings";
import { DAY } from "../state";
import type { Route } from "./types";

const MAX_DAYS = 366;

function reqDate(body: Parameters<typeof reqString>[0], field: string): number {
  const t = Date.parse(reqString(body, field));
  if (Number.isNaN(t)) throw badRequest(`${field} must be a date-time`);
  return t;
}

export const ratingHistory: Route = {
  premium: false,
  mutates: false,
  handle({ seller, body, now }) {
    const from = reqDate(body, "date_from");
    const to = reqDate(body, "date_to");
    const ratings = optStringArray(body, "ratings");
    if (!ratings || ratings.length === 0) throw badRequest("ratings is required");
    optBool(body, "with_premium_scores");
    if (to < from) throw badRequest("date_to must not be before date_from");
    const firstDay = Math.floor(from / DAY) * DAY;
    if ((to - firstDay) / DAY > MAX_DAYS) throw badRequest(`the period must not exceed ${MAX_DAYS} days`);
    const turns = sellerTurns(seller, now);
    const known = [...new Set(ratings)].filter((r): r is ChatRatingCode => r in CHAT_RATING_META);
    return {
      premium_scores: [],
      ratings: known.map((rating) => {
        const meta = CHAT_RATING_META[rating];
        const values = [];
        for (let day = firstDay; day <= to && day <= now; day += DAY) {
          const end = Math.min(day + DAY, now);
          const value = ratingValue(rating, turns, end - RATING_WINDOW_MS, end, end);
          values.push({ date_from: iso(day), date_to: iso(day + DAY), status: ratingFlags(rating, value), value });
        }
        return {
          danger_threshold: meta.danger,
          premium_threshold: meta.premium,
          rating,
          values,
          warning_threshold: meta.warning,
        };
      }),
    };
  },
};
