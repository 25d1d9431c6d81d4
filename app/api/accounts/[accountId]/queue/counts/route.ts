import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";
import { countQueueViews } from "@/lib/team/count-queue-views";

/** The counts of every team view of the account, for the signed-in agent: { needsReply, mine, unassigned }. */
export const GET = accountRoute(async ({ account, user }) => countQueueViews(getDb(), account.id, user.id));
