"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import { useLiveRefetchInterval } from "@/components/live/live-updates";
import { queryKeys } from "@/components/query-keys";
import type { ChatKind } from "@/lib/chats/chat-kind-of";
import type { ListCachedChatsResponse } from "@/lib/chats/list-cached-chats";
import type { QueueOrder } from "@/lib/team/queue-views";
import { accountApi } from "./api-paths";

export type ChatFilter = "all" | "unread" | "opened" | "closed";
/** "all" is the chat list with its filters; the others are the team's views (lib/team/queue-views.ts). */
export type ChatView = "all" | "needs_reply" | "mine" | "unassigned";

/** While the live stream is down, the inbox stays fresh by refetching this often (slowly while it is open). */
export const INBOX_REFETCH_MS = 5_000;
const PAGE_SIZE = "30";

/**
 * One kind and filter of the account's chats, newest activity first, or one of the team's views (`view`, for the
 * agent `me`), paged by the server's cursor. `order`: a queue view's order other than the default (reviews' low ratings
 * first); it is part of the list's key only when given, so the default lists keep theirs.
 */
export function useChatList(accountId: string, kind: ChatKind, filter: ChatFilter, view: ChatView = "all", me?: string, order?: QueueOrder) {
  const refetchInterval = useLiveRefetchInterval(INBOX_REFETCH_MS);
  return useInfiniteQuery({
    queryKey: queryKeys.account(accountId).chats(view === "all" ? { kind, filter } : order ? { kind, view, me, order } : { kind, view, me }),
    queryFn: ({ pageParam, signal }) => {
      const params = view === "all" ? new URLSearchParams({ kind, filter, limit: PAGE_SIZE }) : new URLSearchParams({ kind, view, limit: PAGE_SIZE });
      if (view !== "all" && order) params.set("order", order);
      if (pageParam) params.set("cursor", pageParam);
      const api = accountApi(accountId);
      return fetchJson<ListCachedChatsResponse>(view === "all" ? api.chats(params) : api.queue(params), { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval,
  });
}
