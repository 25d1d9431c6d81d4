import { CHAT_RATINGS, getRatingSummary, ratingItemsByCode, type ChatRating, type OzonConnection } from "@/lib/ozon";

export type OzonChatRating = {
  rating: ChatRating;
  /** Ozon's own name of the rating (Russian). */
  name: string;
  currentValue: number;
  pastValue: number;
  /** OK | WARNING | CRITICAL | UNKNOWN_STATUS */
  status: string;
  /** TIME (seconds) | PERCENT (0–100) | … */
  valueType: string;
};

/** Ozon's chat ratings of the seller now (`/v1/rating/summary`); a rating Ozon does not list is left out. */
export async function getOzonChatRatings(connection: OzonConnection): Promise<OzonChatRating[]> {
  const items = ratingItemsByCode(await getRatingSummary(connection));
  return CHAT_RATINGS.flatMap((rating) => {
    const item = items.get(rating);
    return item
      ? [{ rating, name: item.name, currentValue: item.currentValue, pastValue: item.pastValue, status: item.status, valueType: item.valueType }]
      : [];
  });
}
