import { getDb } from "@/lib/db/client";
import { userRoute } from "@/lib/http/user-route";
import { searchChats } from "@/lib/search/search-chats";

export const dynamic = "force-dynamic";

/** Search over every chat the user may work: ?q=&accountId=&kind=&status=&owner=me|unassigned|<userId>&from=&to=&cursor=&limit= */
export const GET = userRoute(async ({ request, user }) => searchChats(getDb(), user, Object.fromEntries(new URL(request.url).searchParams)));
