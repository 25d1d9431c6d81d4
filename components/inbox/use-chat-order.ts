"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import { queryKeys } from "@/components/query-keys";
import type { GetChatOrderResponse } from "@/lib/chats/get-chat-order";
import { accountApi } from "./api-paths";

/** The open chat's order (its postings) and the chat as the server now sees it (its reply state included). */
export function useChatOrder(accountId: string, chatId: string) {
  return useQuery({
    queryKey: queryKeys.account(accountId).chatOrder(chatId),
    queryFn: ({ signal }) => fetchJson<GetChatOrderResponse>(accountApi(accountId).order(chatId), { signal }),
    staleTime: 60_000,
  });
}
