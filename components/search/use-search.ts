"use client";

import { keepPreviousData, useInfiniteQuery, useQueries, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { fetchJson } from "@/components/fetch-json";
import { accountApi } from "@/components/inbox/api-paths";
import { queryKeys } from "@/components/query-keys";
import type { SearchChatsResponse } from "@/lib/search/search-chats";
import type { AccountAgent } from "@/lib/team/list-account-agents";

/** The search's filters as the route takes them ("" leaves one out); owner: "me", "unassigned" or a user's id. */
export type SearchFilters = { accountId: string; kind: string; status: string; owner: string; from: string; to: string };

const DEBOUNCE_MS = 200;

/** Search results for what is typed (after a short pause), with the filters; more pages on demand. */
export function useSearch(query: string, filters: SearchFilters) {
  const [debounced, setDebounced] = useState(query);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const q = debounced.trim();
  return useInfiniteQuery({
    queryKey: queryKeys.search(q, filters),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ q });
      for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
      if (pageParam) params.set("cursor", pageParam);
      return fetchJson<SearchChatsResponse>(`/api/search?${params.toString()}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The accounts the user may work, for the account filter. */
export function useWorkableAccounts(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.accounts(),
    enabled,
    queryFn: () => fetchJson<{ accounts: { id: string; name: string }[] }>("/api/accounts"),
    staleTime: 60_000,
  });
}

/** Who may own a chat of these accounts (each account's agents, read once and shared with the inbox), by name. */
export function useSearchOwners(accountIds: string[]): AccountAgent[] {
  return useQueries({
    queries: accountIds.map((accountId) => ({
      queryKey: queryKeys.account(accountId).agents(),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchJson<{ agents: AccountAgent[] }>(accountApi(accountId).agents(), { signal }),
      staleTime: 60_000,
    })),
    combine: (results) => {
      const byId = new Map<string, AccountAgent>();
      for (const result of results) for (const agent of result.data?.agents ?? []) byId.set(agent.id, agent);
      return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
  });
}
