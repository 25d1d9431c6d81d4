"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import { useLiveRefetchInterval } from "@/components/live/live-updates";
import { queryKeys } from "@/components/query-keys";
import type { ListCachedChatsResponse } from "@/lib/chats/list-cached-chats";
import { accountApi } from "./api-paths";

export type ChatKind = "buyer" | "support";
export type ChatFilter = "all" | "unread" | "opened" | "closed";

/** While the live stream is down, the inbox stays fresh by refetching this often (slowly while it is open). */
export const INBOX_REFETCH_MS = 5_000;
const PAGE_SIZE = "30";

/** One kind and filter of the account's chats, newest activity first, paged by the server's cursor. */
export function useChatList(accountId: string, kind: ChatKind, filter: ChatFilter) {
  const refetchInterval = useLiveRefetchInterval(INBOX_REFETCH_MS);
  return useInfiniteQuery({
    queryKey: queryKeys.account(accountId).chats({ kind, filter }),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ kind, filter, limit: PAGE_SIZE });
      if (pageParam) params.set("cursor", pageParam);
      return fetchJson<ListCachedChatsResponse>(accountApi(accountId).chats(params), { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval,
  });
}
