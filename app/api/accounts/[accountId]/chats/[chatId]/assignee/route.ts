import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { assignChat, assignChatRequestSchema } from "@/lib/team/assign-chat";

/** Assigns (or takes, reassigns, unassigns) the chat: { assigneeId: string | null }. Rule: lib/team/can-change-owner.ts. */
export const PUT = accountRoute<{ accountId: string; chatId: string }>(async ({ request, params, account, user }) => {
  const body = await readJsonBody(request, assignChatRequestSchema, { maxBytes: 4 * 1024 });
  return assignChat(getDb(), { accountId: account.id, chatId: params.chatId }, user, body);
});
