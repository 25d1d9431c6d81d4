import { getAccountConnection } from "@/lib/accounts/get-account-connection";
import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { applyBulkAction, bulkActionRequestSchema } from "@/lib/team/apply-bulk-action";

/** One action on selected chats: { action: assign|resolve|reopen|snooze|read, chatIds, assigneeId?, snoozedUntil? }. */
export const POST = accountRoute(async ({ request, account, user }) => {
  const body = await readJsonBody(request, bulkActionRequestSchema, { maxBytes: 16 * 1024 });
  const db = getDb();
  return applyBulkAction(db, account.id, user, body, () => getAccountConnection(db, account.id));
});
