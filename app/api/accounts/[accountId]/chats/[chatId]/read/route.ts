import { getAccountConnection } from "@/lib/accounts/get-account-connection";
import { markChatRead, markChatReadRequestSchema } from "@/lib/chats/mark-chat-read";
import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";
import { readJsonBody } from "@/lib/http/read-json-body";

/** Marks the chat read up to a message: { messageId? } (no body, or no messageId: the whole chat). */
export const POST = accountRoute<{ accountId: string; chatId: string }>(async ({ request, params, account }) => {
  const body = request.body === null ? {} : await readJsonBody(request, markChatReadRequestSchema, { maxBytes: 4 * 1024 });
  const db = getDb();
  return markChatRead(db, await getAccountConnection(db, account.id), { accountId: account.id, chatId: params.chatId }, body);
});
