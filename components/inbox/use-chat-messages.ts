"use client";

import { infiniteQueryOptions, useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import { useLiveRefetchInterval } from "@/components/live/live-updates";
import { queryKeys } from "@/components/query-keys";
import type { ListCachedMessagesResponse } from "@/lib/chats/list-cached-messages";
import type { MessageView } from "@/lib/cache/message-view";
import { accountApi } from "./api-paths";
import { INBOX_REFETCH_MS } from "./use-chat-list";

export type MessagesData = InfiniteData<ListCachedMessagesResponse, unknown>;

/**
 * The query of a chat's history: the first page is the newest; each next page is older (`before` its oldest
 * message). The thread and the chat list's prefetch both use it, so a prefetch fills the very entry the thread reads.
 */
export function chatMessagesOptions(accountId: string, chatId: string, around: string | null = null) {
  const key = queryKeys.account(accountId).messages(chatId);
  return infiniteQueryOptions({
    // Opened at a message (a search result): the first page is the one around it, under a key of its own.
    queryKey: around ? [...key, { around }] : key,
    queryFn: ({ pageParam, signal }) =>
      fetchJson<ListCachedMessagesResponse>(
        pageParam?.startsWith("around:") ? accountApi(accountId).messagesAround(chatId, pageParam.slice(7)) : accountApi(accountId).messages(chatId, pageParam),
        { signal },
      ),
    initialPageParam: (around ? `around:${around}` : null) as string | null,
    getNextPageParam: (last) => (last.hasMore && last.messages[0] ? last.messages[0].id : null),
  });
}

/** The newest page of a chat's history as the server rendered it with the chat's page, and when it read it. */
export type RenderedMessages = { chatId: string; page: ListCachedMessagesResponse; readAt: number };

/** A chat's history, kept fresh while the thread shows it; starting from the server's page when it rendered one. */
export function useChatMessages(accountId: string, chatId: string, around: string | null = null, rendered?: RenderedMessages | null) {
  const refetchInterval = useLiveRefetchInterval(INBOX_REFETCH_MS);
  const initial = rendered && rendered.chatId === chatId && around === null ? rendered : null;
  return useInfiniteQuery({
    ...chatMessagesOptions(accountId, chatId, around),
    ...(initial ? { initialData: { pages: [initial.page], pageParams: [null] }, initialDataUpdatedAt: initial.readAt } : {}),
    refetchInterval,
  });
}

/** All loaded messages, oldest first, each once. */
export function flattenMessages(data: MessagesData | undefined): MessageView[] {
  if (!data) return [];
  const seen = new Set<string>();
  const result: MessageView[] = [];
  for (const page of [...data.pages].reverse()) {
    for (const message of page.messages) {
      if (seen.has(message.id)) continue;
      seen.add(message.id);
      result.push(message);
    }
  }
  return result.sort((a, b) => compareIds(a.id, b.id));
}

/** Ozon's ids are uint64 decimal strings: compare as numbers without losing precision. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
