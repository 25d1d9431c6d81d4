"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import { accountApi } from "@/components/inbox/api-paths";
import { clearSentDraft } from "@/components/inbox/use-draft";
import { refreshChatLists } from "@/components/query-cache/chat-list-cache";
import { refreshMessages } from "@/components/query-cache/message-cache";
import { refreshQueueCounts } from "@/components/query-cache/team-cache";
import type { ChatView } from "@/lib/cache/chat-view";

/**
 * Publishes an answer / comment (its draft cleared once published), or deletes one of ours; the thread and the lists
 * follow Ozon's read-back.
 */
export function useFeedbackAnswer(accountId: string, chatId: string) {
  const queryClient = useQueryClient();
  const api = accountApi(accountId);
  const settle = async (answer: { chat: ChatView }) => {
    await Promise.all([
      refreshMessages(queryClient, accountId, chatId),
      refreshChatLists(queryClient, accountId),
      refreshQueueCounts(queryClient, accountId),
    ]);
    return answer;
  };
  const publish = useMutation({
    mutationFn: async (body: { text: string; markProcessed: boolean }) =>
      settle(await fetchJson<{ chat: ChatView }>(api.answers(chatId), { method: "POST", body: JSON.stringify(body) })),
    // The mutation's own callback (not mutate's): it runs even when the agent has moved to another item meanwhile.
    onSuccess: (_answer, body) => clearSentDraft(accountId, chatId, body.text),
  });
  const remove = useMutation({
    mutationFn: async (messageId: string) => settle(await fetchJson<{ chat: ChatView }>(api.answers(chatId, messageId), { method: "DELETE" })),
  });
  return { publish, remove };
}
