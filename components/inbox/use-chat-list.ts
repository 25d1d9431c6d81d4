"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import { useLiveRefetchInterval } from "@/components/live/live-updates";
import { queryKeys } from "@/components/query-keys";
import type { ListCachedChatsResponse } from "@/lib/chats/list-cached-chats";
import { accountApi } from "./api-paths";
import { chatListRequest, type ChatListChoice } from "./chat-list-request";

/** While the live stream is down, the inbox stays fresh by refetching this often (slowly while it is open). */
export const INBOX_REFETCH_MS = 5_000;

/** A list's first page as the server rendered it, and when it was read. */
export type RenderedChatList = { accountId: string; choice: ChatListChoice; page: ListCachedChatsResponse; readAt: number };

function sameChoice(a: ChatListChoice, b: ChatListChoice): boolean {
  return a.kind === b.kind && a.filter === b.filter && a.view === b.view && a.order === b.order;
}

/**
 * One kind and filter of the account's chats, newest activity first, or one of the team's views (`view`, for the
 * agent `me`), paged by the server's cursor. `order`: a queue view's order other than the default (reviews' low ratings
 * first); it is part of the list's key only when given, so the default lists keep theirs. `rendered`: the first page
 * the server rendered, used while it is the list asked for (the list shows on the first paint, before any fetch).
 */
export function useChatList(accountId: string, choice: ChatListChoice, me?: string, rendered?: RenderedChatList | null) {
  const refetchInterval = useLiveRefetchInterval(INBOX_REFETCH_MS);
  const { kind, filter, view, order } = choice;
  const initial = rendered && rendered.accountId === accountId && sameChoice(rendered.choice, choice) ? rendered : null;
  return useInfiniteQuery({
    queryKey: queryKeys.account(accountId).chats(view === "all" ? { kind, filter } : order ? { kind, view, me, order } : { kind, view, me }),
    queryFn: ({ pageParam, signal }) => {
      const { source, params } = chatListRequest(choice, pageParam);
      const api = accountApi(accountId);
      return fetchJson<ListCachedChatsResponse>(source === "chats" ? api.chats(params) : api.queue(params), { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    ...(initial ? { initialData: { pages: [initial.page], pageParams: [null] }, initialDataUpdatedAt: initial.readAt } : {}),
    refetchInterval,
  });
}
