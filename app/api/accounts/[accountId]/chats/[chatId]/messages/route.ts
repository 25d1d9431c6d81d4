import { readSearchParams } from "@/lib/http/read-search-params";
import { listCachedMessages } from "@/lib/chats/list-cached-messages";
import { sendChatMessage, sendChatMessageRequestSchema } from "@/lib/chats/send-chat-message";
import { getAccountConnection } from "@/lib/accounts/get-account-connection";
import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";
import { readJsonBody } from "@/lib/http/read-json-body";

type Params = { accountId: string; chatId: string };

/** A page of the chat's messages, newest page first: ?before=<Ozon message id>&limit= */
export const GET = accountRoute<Params>(async ({ request, params, account }) => {
  const db = getDb();
  return listCachedMessages(
    db,
    () => getAccountConnection(db, account.id),
    { accountId: account.id, chatId: params.chatId },
    readSearchParams(request),
  );
});

/** Sends a text: { clientId, text }. */
export const POST = accountRoute<Params>(async ({ request, params, user, account }) => {
  const body = await readJsonBody(request, sendChatMessageRequestSchema, { maxBytes: 64 * 1024 });
  const db = getDb();
  return sendChatMessage(
    db,
    await getAccountConnection(db, account.id),
    { accountId: account.id, chatId: params.chatId, userId: user.id },
    body,
  );
});
