import { readSearchParams } from "@/lib/http/read-search-params";
import { listCachedChats } from "@/lib/chats/list-cached-chats";
import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";

/** The account's chats from the cache: ?filter=all|unread|opened|closed&kind=buyer|support&cursor=&limit= */
export const GET = accountRoute(async ({ request, account }) =>
  listCachedChats(getDb(), account.id, readSearchParams(request)),
);
