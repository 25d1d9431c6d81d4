import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";
import { requestSync } from "@/lib/sync/request-sync";

/** "Sync now": the account becomes due at once; the sync itself runs in the background. No body. */
export const POST = accountRoute(async ({ account }) => {
  await requestSync(getDb(), account.id);
  return Response.json({ requested: true }, { status: 202 });
});
