import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";
import { listQueueChats } from "@/lib/team/list-queue-chats";

/** A team view of the account's chats: ?view=needs_reply|mine|unassigned&kind=buyer|support|question|review&order=deadline|low_rating (reviews)&cursor=&limit= */
export const GET = accountRoute(async ({ request, account, user }) =>
  listQueueChats(getDb(), account.id, user.id, Object.fromEntries(new URL(request.url).searchParams) as never),
);
