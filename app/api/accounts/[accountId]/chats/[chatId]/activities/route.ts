import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";
import { listChatActivities } from "@/lib/team/list-chat-activities";

/** The chat's team trail (assignments, statuses, private notes), oldest first. */
export const GET = accountRoute<{ accountId: string; chatId: string }>(async ({ params, account }) =>
  listChatActivities(getDb(), account.id, params.chatId),
);
