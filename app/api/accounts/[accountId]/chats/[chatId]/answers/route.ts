import { getAccountConnection } from "@/lib/accounts/get-account-connection";
import { getDb } from "@/lib/db/client";
import { publishFeedbackAnswer, publishFeedbackAnswerRequestSchema } from "@/lib/feedback/publish-feedback-answer";
import { accountRoute } from "@/lib/http/account-route";
import { readJsonBody } from "@/lib/http/read-json-body";

/** Publishes an answer to a product question or a comment on a review: { text (2..3000), markProcessed? (reviews) }. */
export const POST = accountRoute<{ accountId: string; chatId: string }>(async ({ request, params, account, user }) => {
  const body = await readJsonBody(request, publishFeedbackAnswerRequestSchema, { maxBytes: 64 * 1024 });
  const db = getDb();
  return publishFeedbackAnswer(db, await getAccountConnection(db, account.id), { accountId: account.id, chatId: params.chatId }, user, body);
});
