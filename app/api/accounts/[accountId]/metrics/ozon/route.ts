import { getAccountConnection } from "@/lib/accounts/get-account-connection";
import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";
import { getOzonChatRatings } from "@/lib/metrics/get-ozon-chat-ratings";

/** Ozon's chat ratings of the shop now (/v1/rating/summary): the shop's, so administrators only. */
export const GET = accountRoute(
  async ({ account }) => {
    const db = getDb();
    return { ratings: await getOzonChatRatings(await getAccountConnection(db, account.id)) };
  },
  { admin: true },
);
