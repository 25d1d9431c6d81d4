import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { setChatStatus, setChatStatusRequestSchema } from "@/lib/team/set-chat-status";

/** Sets our status of the chat: { status: OPEN|WAITING|SNOOZED|RESOLVED, snoozedUntil? }. */
export const PUT = accountRoute<{ accountId: string; chatId: string }>(async ({ request, params, account, user }) => {
  const body = await readJsonBody(request, setChatStatusRequestSchema, { maxBytes: 4 * 1024 });
  return setChatStatus(getDb(), { accountId: account.id, chatId: params.chatId }, user, body);
});
