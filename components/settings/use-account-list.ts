"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import { refreshAccounts, replaceAccount, type AccountListResponse } from "@/components/query-cache/account-cache";
import { queryKeys } from "@/components/query-keys";
import type { AccountSummary } from "@/lib/accounts/load-account-summaries";

// While an import runs, its progress moves every few seconds; otherwise the list only needs the last sync time.
const IMPORTING_REFETCH_MS = 2_000;
const IDLE_REFETCH_MS = 15_000;

/** The seller accounts (GET /api/accounts), fresh from the server render, refetched faster while one imports. */
export function useAccountList(initialAccounts?: AccountSummary[]) {
  return useQuery({
    queryKey: queryKeys.accounts(),
    queryFn: () => fetchJson<AccountListResponse>("/api/accounts"),
    initialData: initialAccounts ? { accounts: initialAccounts } : undefined,
    refetchInterval: (query) =>
      query.state.data?.accounts.some((account) => account.sync.phase === "IMPORTING") ? IMPORTING_REFETCH_MS : IDLE_REFETCH_MS,
  });
}

/** Puts the server's answer for one account into the list at once, then lets the list refetch. */
export function useAccountListUpdater() {
  const queryClient = useQueryClient();
  return {
    replace: (account: AccountSummary) => replaceAccount(queryClient, account),
    refresh: () => refreshAccounts(queryClient),
  };
}
