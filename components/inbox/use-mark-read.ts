"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { fetchJson } from "@/components/fetch-json";
import { cancelChatListLoads, refreshChatLists, setChatUnread } from "@/components/query-cache/chat-list-cache";
import { refreshMessages } from "@/components/query-cache/message-cache";
import type { MarkChatReadResponse } from "@/lib/chats/mark-chat-read";
import { accountApi } from "./api-paths";
import { compareIds } from "./use-chat-messages";

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
      await cancelChatListLoads(queryClient, accountId);
      setChatUnread(queryClient, accountId, chatId, { unreadCount: 0 });
    },
    onSuccess: (answer) => setChatUnread(queryClient, accountId, chatId, answer),
    // The rollback: what the server has.
    onError: () => {
      markedUpTo.current = null;
      void refreshChatLists(queryClient, accountId);
    },
    // Not cancelling a load in flight: an older page asked for by scrolling would be dropped, and not asked again.
    onSettled: () => void refreshMessages(queryClient, accountId, chatId, { cancelRefetch: false }),
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
