import { getAccountConnection } from "@/lib/accounts/get-account-connection";
import { getChatOrder } from "@/lib/chats/get-chat-order";
import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";

/** The order a chat is about (its postings, read from Ozon when they may have changed), with the chat. */
export const GET = accountRoute<{ accountId: string; chatId: string }>(async ({ params, account }) => {
  const db = getDb();
  return getChatOrder(db, await getAccountConnection(db, account.id), account.id, params.chatId);
});
