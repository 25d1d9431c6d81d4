/** POST /v1/seller/info — company name and subscription. */
import type { Route } from "./types";

export const sellerInfo: Route = {
  premium: false,
  mutates: false,
  handle({ seller }) {
    return {
      company: { name: seller.companyName },
      subscription: { is_premium: seller.subscription !== "UNKNOWN", type: seller.subscription },
    };
  },
};
