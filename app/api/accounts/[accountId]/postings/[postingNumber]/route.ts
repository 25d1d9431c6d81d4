import { getAccountConnection } from "@/lib/accounts/get-account-connection";
import { getOrderPosting } from "@/lib/chats/get-order-posting";
import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";

/** One posting for the order page, with the inbox's chat about it if any. */
export const GET = accountRoute<{ accountId: string; postingNumber: string }>(async ({ params, account }) => {
  const db = getDb();
  return getOrderPosting(db, await getAccountConnection(db, account.id), account.id, { postingNumber: params.postingNumber });
});
