import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { addChatNote, addChatNoteRequestSchema } from "@/lib/team/add-chat-note";

/** A private note in the chat's trail (never sent to Ozon): { text }, "@Name" mentions the account's agents. */
export const POST = accountRoute<{ accountId: string; chatId: string }>(async ({ request, params, account, user }) => {
  const body = await readJsonBody(request, addChatNoteRequestSchema, { maxBytes: 32 * 1024 });
  return addChatNote(getDb(), { accountId: account.id, chatId: params.chatId }, user, body);
});
