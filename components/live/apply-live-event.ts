import type { QueryClient } from "@tanstack/react-query";
import { setSyncState } from "@/components/query-cache/account-cache";
import { applyChatChange, refreshChatLists } from "@/components/query-cache/chat-list-cache";
import { applyMessages, applyOutboxRow } from "@/components/query-cache/message-cache";
import { appendActivity, applyWaitingCounts, refreshQueueCounts, setPresence } from "@/components/query-cache/team-cache";
import type { LiveEvent, SyncStateView } from "@/lib/live/live-event";

/**
 * Puts a live event into the tab's query cache, where the inbox reads it: no request, no refetch. Only queries
 * already loaded change; what is not loaded is read fresh when it is opened. `userId`: the tab's user (whose Mine
 * count a change of their own chat may move).
 */
export function applyLiveEvent(queryClient: QueryClient, event: LiveEvent, userId: string): void {
  switch (event.kind) {
    case "message":
      applyMessages(queryClient, event.accountId, event.chat.id, event.messages);
      applyChatChange(queryClient, event.accountId, event.chat, event.totalUnread);
      void applyWaitingCounts(queryClient, event.accountId, event.queue, event.chat.assigneeId === userId);
      return;
    case "chat":
      applyChatChange(queryClient, event.accountId, event.chat, event.totalUnread);
      void applyWaitingCounts(queryClient, event.accountId, event.queue, event.chat.assigneeId === userId);
      return;
    case "team":
      applyChatChange(queryClient, event.accountId, event.chat, event.totalUnread);
      if (event.activity) appendActivity(queryClient, event.accountId, event.activity);
      void refreshQueueCounts(queryClient, event.accountId);
      return;
    case "presence":
      setPresence(queryClient, event.accountId, event.chatId, { viewers: event.viewers, asOf: event.asOf });
      return;
    case "outbox":
      applyOutboxRow(queryClient, event.accountId, event.outbox);
      return;
    case "sync":
      setSyncState(queryClient, event.accountId, event.sync);
      refreshImportedChats(queryClient, event.accountId, event.sync);
      return;
  }
}

const importingAccounts = new WeakMap<QueryClient, Set<string>>();

/**
 * An import publishes no chat events (thousands of chats nobody has open yet), only its progress: the chat lists
 * are read again at each progress step and once when it ends.
 */
function refreshImportedChats(queryClient: QueryClient, accountId: string, sync: SyncStateView): void {
  let importing = importingAccounts.get(queryClient);
  if (!importing) importingAccounts.set(queryClient, (importing = new Set()));
  const wasImporting = importing.has(accountId);
  if (sync.phase === "IMPORTING") importing.add(accountId);
  else importing.delete(accountId);
  if (sync.phase === "IMPORTING" || wasImporting) void refreshChatLists(queryClient, accountId);
}
