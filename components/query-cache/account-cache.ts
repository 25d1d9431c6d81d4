import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/components/query-keys";
import type { AccountSummary } from "@/lib/accounts/load-account-summaries";
import type { SyncStateView } from "@/lib/live/live-event";
import type { PushSettings } from "@/lib/push/get-push-settings";
import type { AutoAssignSettings } from "@/lib/team/get-auto-assign-settings";

export type AccountListResponse = { accounts: AccountSummary[] };

/** The account's sync progress and health, where the accounts list (settings) shows it. */
export function setSyncState(queryClient: QueryClient, accountId: string, sync: SyncStateView): void {
  queryClient.setQueryData<AccountListResponse>(queryKeys.accounts(), (list) =>
    list?.accounts
      ? {
          ...list,
          accounts: list.accounts.map((account) =>
            account.id === accountId
              ? {
                  ...account,
                  lastSyncAt: sync.lastSuccessAt ?? account.lastSyncAt,
                  sync: {
                    ...account.sync,
                    phase: sync.phase,
                    chatsDone: sync.chatsDone,
                    chatsTotal: sync.chatsTotal,
                    lastError: sync.lastError,
                    // The event is near real time: a new failure happened about now.
                    lastErrorAt: sync.lastError === null ? null : (account.sync.lastErrorAt ?? new Date().toISOString()),
                  },
                }
              : account,
          ),
        }
      : list,
  );
}

/** The server's answer for one account, in the list at once (in name order), then the list is read again. */
export function replaceAccount(queryClient: QueryClient, account: AccountSummary): Promise<void> {
  queryClient.setQueryData<AccountListResponse>(queryKeys.accounts(), (list) => {
    if (!list) return list;
    const exists = list.accounts.some((item) => item.id === account.id);
    const accounts = exists ? list.accounts.map((item) => (item.id === account.id ? account : item)) : [...list.accounts, account];
    return { accounts: accounts.sort((a, b) => a.name.localeCompare(b.name)) };
  });
  return refreshAccounts(queryClient);
}

/**
 * Everything of every account is read again, in one invalidation (the accounts list is the prefix of every
 * account's branch): the live stream could not say what was missed, or an account changed.
 */
export function refreshAccounts(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.accounts() });
}

/** Everything the tab holds of one account is read again (a chat was started from an order). */
export function refreshAccount(queryClient: QueryClient, accountId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.account(accountId).all });
}

/** The account's push settings as the server answered them. */
export function setPushSettings(queryClient: QueryClient, accountId: string, answer: { push: PushSettings }): void {
  queryClient.setQueryData(queryKeys.account(accountId).push(), answer);
}

/** The account's automatic assignment as the server answered it. */
export function setAutoAssignSettings(queryClient: QueryClient, accountId: string, answer: { autoAssign: AutoAssignSettings }): void {
  queryClient.setQueryData(queryKeys.account(accountId).autoAssign(), answer);
}
