import { getAccountConnection } from "@/lib/accounts/get-account-connection";
import { getDb } from "@/lib/db/client";
import { deleteFeedbackAnswer } from "@/lib/feedback/delete-feedback-answer";
import { accountRoute } from "@/lib/http/account-route";

/** Deletes our answer to a product question, or our comment on a review (the message's id in the thread). */
export const DELETE = accountRoute<{ accountId: string; chatId: string; messageId: string }>(async ({ params, account }) => {
  const db = getDb();
  return deleteFeedbackAnswer(db, await getAccountConnection(db, account.id), { accountId: account.id, chatId: params.chatId, messageId: params.messageId });
});
