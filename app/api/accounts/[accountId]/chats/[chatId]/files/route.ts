import { getAccountConnection } from "@/lib/accounts/get-account-connection";
import { SEND_CHAT_FILE_MAX_BODY_BYTES, sendChatFile, sendChatFileRequestSchema } from "@/lib/chats/send-chat-file";
import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";
import { readJsonBody } from "@/lib/http/read-json-body";

/** Sends a file: { clientId, name, base64Content } (at most 10 MiB decoded). */
export const POST = accountRoute<{ accountId: string; chatId: string }>(async ({ request, params, user, account }) => {
  const body = await readJsonBody(request, sendChatFileRequestSchema, { maxBytes: SEND_CHAT_FILE_MAX_BODY_BYTES });
  const db = getDb();
  return sendChatFile(
    db,
    await getAccountConnection(db, account.id),
    { accountId: account.id, chatId: params.chatId, userId: user.id },
    body,
  );
});
