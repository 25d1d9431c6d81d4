"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import { queryKeys } from "@/components/query-keys";
import type { ChatReply } from "@/lib/replies/list-chat-replies";
import type { ReplyVariableValues } from "@/lib/replies/reply-variables";

export type ChatRepliesData = { replies: ChatReply[]; variables: ReplyVariableValues };

/** The saved replies for a chat, best first, with the chat's variable values: read once the agent types "/". */
export function useChatReplies(accountId: string, chatId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.account(accountId).chatReplies(chatId),
    enabled,
    staleTime: 60_000,
    queryFn: ({ signal }) =>
      fetchJson<ChatRepliesData>(`/api/accounts/${encodeURIComponent(accountId)}/chats/${encodeURIComponent(chatId)}/replies`, { signal }),
  });
}

/** Counts a use, so the team's frequent replies rise (best effort: a failed count loses nothing). */
export function recordReplyUse(replyId: string): void {
  void fetchJson(`/api/replies/${encodeURIComponent(replyId)}/use`, { method: "POST" }).catch(() => undefined);
}
