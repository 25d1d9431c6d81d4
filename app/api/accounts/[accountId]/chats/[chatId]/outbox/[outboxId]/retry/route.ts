import { getAccountConnection } from "@/lib/accounts/get-account-connection";
import { retryOutboxMessage } from "@/lib/chats/retry-outbox-message";
import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";

/** Retries an unsent outbox message (an unknown outcome is checked against the chat first). No body. */
export const POST = accountRoute<{ accountId: string; chatId: string; outboxId: string }>(async ({ params, account }) => {
  const db = getDb();
  return retryOutboxMessage(db, await getAccountConnection(db, account.id), {
    accountId: account.id,
    chatId: params.chatId,
    outboxId: params.outboxId,
  });
});
