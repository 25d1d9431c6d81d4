import type { ChatRating } from "@/lib/ozon";

import type { TeamMetrics } from "./load-account-metrics";

/** Ours beside Ozon's for one rating; `differs` when they are further apart than rounding explains. */
export type RatingComparison = { rating: ChatRating; ours: number | null; ozon: number | null; difference: number | null; differs: boolean };

/** Our figure that matches each of Ozon's chat ratings (seconds, or percent 0–100). */
function ourValueFor(rating: ChatRating, team: TeamMetrics): number | null {
  switch (rating) {
    case "rating_reaction_time":
      return team.firstResponseSeconds;
    case "rating_average_response_time":
      return team.avgResponseSeconds;
    case "rating_replied_dialogs_ratio":
      return team.repliedWithin24hPercent;
  }
}

/** Times differ beyond 60 s and 1 %, shares beyond 1 percentage point. */
export function compareWithOzon(rating: ChatRating, team: TeamMetrics, ozon: number | null): RatingComparison {
  const ours = ourValueFor(rating, team);
  if (ours === null || ozon === null) return { rating, ours, ozon, difference: null, differs: ours !== ozon && !(ours === null && ozon === 0) };
  const difference = ours - ozon;
  const differs =
    rating === "rating_replied_dialogs_ratio"
      ? Math.abs(difference) > 1
      : Math.abs(difference) > 60 && Math.abs(difference) > Math.abs(ozon) * 0.01;
  return { rating, ours, ozon, difference, differs };
}
