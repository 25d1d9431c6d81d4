"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import { accountApi } from "@/components/inbox/api-paths";
import { useLiveRefetchInterval } from "@/components/live/live-updates";
import { refreshQueueCounts } from "@/components/query-cache/team-cache";
import { queryKeys } from "@/components/query-keys";
import type { ActivityView } from "@/lib/cache/activity-view";
import type { AccountAgent } from "@/lib/team/list-account-agents";
import type { QueueCounts } from "@/lib/team/count-queue-views";

const REFETCH_MS = 5_000;

/** The counts as the server rendered them (the inbox's layout), so the views' tabs do not change size once the page runs. */
export type RenderedQueueCounts = { accountId: string; counts: QueueCounts; readAt: number };

/** Who may work the account (for owners' names, the assign menu and mentions). */
export function useAccountAgents(accountId: string) {
  return useQuery({
    queryKey: queryKeys.account(accountId).agents(),
    queryFn: ({ signal }) => fetchJson<{ agents: AccountAgent[] }>(accountApi(accountId).agents(), { signal }),
    staleTime: 60_000,
    enabled: accountId !== "",
  });
}

/** The counts of every team view in one request; read again on every live change of the account's chats. */
export function useQueueCounts(accountId: string, rendered?: RenderedQueueCounts | null) {
  const refetchInterval = useLiveRefetchInterval(REFETCH_MS);
  const initial = rendered?.accountId === accountId ? rendered : null;
  return useQuery({
    queryKey: queryKeys.account(accountId).queueCounts(),
    queryFn: ({ signal }) => fetchJson<QueueCounts>(accountApi(accountId).queueCounts(), { signal }),
    ...(initial ? { initialData: initial.counts, initialDataUpdatedAt: initial.readAt } : {}),
    refetchInterval,
    enabled: accountId !== "",
  });
}

/** The chat's team trail; new lines arrive by the live stream. */
export function useChatActivities(accountId: string, chatId: string) {
  const refetchInterval = useLiveRefetchInterval(REFETCH_MS);
  return useQuery({
    queryKey: queryKeys.account(accountId).activities(chatId),
    queryFn: ({ signal }) => fetchJson<{ activities: ActivityView[] }>(accountApi(accountId).activities(chatId), { signal }),
    refetchInterval,
  });
}

export type TeamAction =
  | { kind: "assign"; chatId: string; assigneeId: string | null }
  | { kind: "status"; chatId: string; status: "OPEN" | "WAITING" | "SNOOZED" | "RESOLVED"; snoozedUntil?: string }
  | { kind: "note"; chatId: string; text: string };

/**
 * The team's actions on one chat. The server applies its rules and publishes the result to every tab (this one
 * included), so nothing is guessed here; a refusal comes back as the mutation's error.
 */
export function useTeamAction(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: TeamAction) => {
      const api = accountApi(accountId);
      if (action.kind === "assign") return fetchJson(api.assignee(action.chatId), { method: "PUT", body: JSON.stringify({ assigneeId: action.assigneeId }) });
      if (action.kind === "status")
        return fetchJson(api.status(action.chatId), { method: "PUT", body: JSON.stringify({ status: action.status, snoozedUntil: action.snoozedUntil }) });
      return fetchJson(api.notes(action.chatId), { method: "POST", body: JSON.stringify({ text: action.text }) });
    },
    onSettled: () => refreshQueueCounts(queryClient, accountId),
  });
}

export type BulkAction =
  | { action: "assign"; chatIds: string[]; assigneeId: string | null }
  | { action: "resolve" | "read"; chatIds: string[] }
  | { action: "snooze"; chatIds: string[]; snoozedUntil: string };

/** One action on the selected chats; the answer says which were refused and why. */
export function useBulkAction(accountId: string) {
  return useMutation({
    mutationFn: (body: BulkAction) =>
      fetchJson<{ results: { chatId: string; ok: boolean; error?: { code: string; message: string } }[] }>(accountApi(accountId).bulk(), {
        method: "POST",
        body: JSON.stringify(body),
      }),
  });
}
