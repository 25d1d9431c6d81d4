import { readSearchParams } from "@/lib/http/read-search-params";
import { getAccountConnection } from "@/lib/accounts/get-account-connection";
import { listOrderPostings } from "@/lib/chats/list-order-postings";
import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";

/** Recent postings from Ozon, newest first: ?search=<posting number prefix>&limit= */
export const GET = accountRoute(async ({ request, account }) => {
  const db = getDb();
  return listOrderPostings(
    db,
    await getAccountConnection(db, account.id),
    account.id,
    readSearchParams(request),
  );
});
