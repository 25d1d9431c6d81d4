import { getAccountConnection } from "@/lib/accounts/get-account-connection";
import { startChatForPosting } from "@/lib/chats/start-chat-for-posting";
import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";

/** Opens the chat with the posting's buyer (the existing one if there is one); answers our chat id. No body. */
export const POST = accountRoute<{ accountId: string; postingNumber: string }>(async ({ params, account }) => {
  const db = getDb();
  return startChatForPosting(db, await getAccountConnection(db, account.id), account.id, {
    postingNumber: params.postingNumber,
  });
});
