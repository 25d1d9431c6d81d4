/**
 * POST /v1/rating/summary — the seller's ratings now. The chat group is computed from the emulator's own chats over
 * the last 30 days on its clock (ratings.ts); `past_value` is the 30 days before that. Other groups are fixed [inf].
 * Not a chat method: any valid key may call it [inf].
 */
import { CHAT_RATING_META, ratingStatus, ratingValue, RATING_WINDOW_MS, sellerTurns, type ChatRatingCode } from "../ratings";
import type { Route } from "./types";

const CHAT_GROUP = "Работа с покупателями";
const CHAT_CODES: readonly ChatRatingCode[] = ["rating_reaction_time", "rating_average_response_time", "rating_replied_dialogs_ratio"];

function change(current: number, past: number, direction: "LOWER_IS_BETTER" | "HIGHER_IS_BETTER") {
  if (current === past) return { direction: "DIRECTION_NONE", meaning: "MEANING_NONE" };
  const rise = current > past;
  const good = direction === "HIGHER_IS_BETTER" ? rise : !rise;
  return { direction: rise ? "DIRECTION_RISE" : "DIRECTION_FALL", meaning: good ? "MEANING_GOOD" : "MEANING_BAD" };
}

export const ratingSummary: Route = {
  premium: false,
  mutates: false,
  handle({ seller, now }) {
    const turns = sellerTurns(seller, now);
    const items = CHAT_CODES.map((code) => {
      const meta = CHAT_RATING_META[code];
      const current = ratingValue(code, turns, now - RATING_WINDOW_MS, now, now);
      const past = ratingValue(code, turns, now - 2 * RATING_WINDOW_MS, now - RATING_WINDOW_MS, now);
      return {
        change: change(current, past, meta.direction),
        current_value: current,
        name: meta.name,
        past_value: past,
        rating: code,
        rating_direction: meta.direction,
        status: ratingStatus(code, current),
        value_type: meta.valueType,
      };
    });
    return {
      groups: [
        {
          group_name: "Оценка товаров",
          items: [
            {
              change: { direction: "DIRECTION_NONE", meaning: "MEANING_NONE" },
              current_value: 4.8,
              name: "Средняя оценка товаров",
              past_value: 4.8,
              rating: "rating_review_avg_score_total",
              rating_direction: "HIGHER_IS_BETTER",
              status: "OK",
              value_type: "REVIEW_SCORE",
            },
          ],
        },
        { group_name: CHAT_GROUP, items },
      ],
      localization_index: [],
      penalty_score_exceeded: false,
      premium: seller.subscription !== "UNKNOWN",
      premium_plus: seller.subscription === "PREMIUM_PLUS",
    };
  },
};
