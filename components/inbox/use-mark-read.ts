"use client";

import { useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { fetchJson } from "@/components/fetch-json";
import { queryKeys } from "@/components/query-keys";
import type { ListCachedChatsResponse } from "@/lib/chats/list-cached-chats";
import type { MarkChatReadResponse } from "@/lib/chats/mark-chat-read";
import { accountApi } from "./api-paths";
import { compareIds } from "./use-chat-messages";

type ChatListData = InfiniteData<ListCachedChatsResponse, string | null>;

/** Sets a chat's unread count and the account's total in every cached chat list. */
function setUnread(
  queryClient: ReturnType<typeof useQueryClient>,
  accountId: string,
  chatId: string,
  update: { unreadCount: number; totalUnread?: number },
) {
  queryClient.setQueriesData<ChatListData>({ queryKey: queryKeys.account(accountId).chatLists() }, (data) => {
    if (!data?.pages) return data;
    const before = data.pages.flatMap((page) => page.chats).find((chat) => chat.id === chatId)?.unreadCount;
    const drop = before === undefined ? 0 : before - update.unreadCount;
    return {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        totalUnread: update.totalUnread ?? Math.max(0, page.totalUnread - drop),
        chats: page.chats.map((chat) => (chat.id === chatId ? { ...chat, unreadCount: update.unreadCount } : chat)),
      })),
    };
  });
}

/**
 * Marks the open chat read up to its newest shown message while the agent can see it: the document visible and the
 * window focused. The badge and the totals drop at once; the server's answer (Ozon's count) then settles them.
 */
export function useMarkRead(accountId: string, chatId: string, newestMessageId: string | null, hasUnread: boolean) {
  const queryClient = useQueryClient();
  const markedUpTo = useRef<string | null>(null);
  const { mutate } = useMutation({
    mutationFn: (messageId: string) =>
      fetchJson<MarkChatReadResponse>(accountApi(accountId).read(chatId), { method: "POST", body: JSON.stringify({ messageId }) }),
    onMutate: async () => {
      // Only lists with data: cancelling a list's first load would leave it loading for good, with nothing to show.
      await queryClient.cancelQueries({ queryKey: queryKeys.account(accountId).chatLists(), predicate: (query) => query.state.data !== undefined });
      setUnread(queryClient, accountId, chatId, { unreadCount: 0 });
    },
    onSuccess: (answer) => setUnread(queryClient, accountId, chatId, answer),
    onError: () => {
      markedUpTo.current = null;
      void queryClient.invalidateQueries({ queryKey: queryKeys.account(accountId).chatLists() });
    },
    // Not cancelling a load in flight: an older page asked for by scrolling would be dropped, and not asked again.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.account(accountId).messages(chatId) }, { cancelRefetch: false }),
  });

  useEffect(() => {
    if (!newestMessageId) return;
    const markIfSeen = () => {
      if (document.visibilityState !== "visible" || !document.hasFocus()) return;
      const done = markedUpTo.current;
      if (done !== null && compareIds(done, newestMessageId) >= 0) return;
      if (!hasUnread && done !== null) return;
      if (!hasUnread) {
        markedUpTo.current = newestMessageId;
        return;
      }
      markedUpTo.current = newestMessageId;
      mutate(newestMessageId);
    };
    markIfSeen();
    document.addEventListener("visibilitychange", markIfSeen);
    window.addEventListener("focus", markIfSeen);
    return () => {
      document.removeEventListener("visibilitychange", markIfSeen);
      window.removeEventListener("focus", markIfSeen);
    };
  }, [newestMessageId, hasUnread, mutate]);
}
