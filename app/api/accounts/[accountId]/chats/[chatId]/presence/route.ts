import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { listChatViewers } from "@/lib/team/list-chat-viewers";
import { recordPresence, recordPresenceRequestSchema } from "@/lib/team/record-presence";

/** The tab's presence in the chat: { state: view|typing|leave }; answers who is viewing it. */
export const POST = accountRoute<{ accountId: string; chatId: string }>(async ({ request, params, account, user }) => {
  const body = await readJsonBody(request, recordPresenceRequestSchema, { maxBytes: 1024 });
  return recordPresence(getDb(), { accountId: account.id, chatId: params.chatId }, user.id, body);
});

/** Who is viewing the chat now (a tab whose live stream reopened reads it again). */
export const GET = accountRoute<{ accountId: string; chatId: string }>(async ({ params, account }) => {
  return listChatViewers(getDb(), { accountId: account.id, chatId: params.chatId });
});
