import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import { compareIds } from "@/components/inbox/use-chat-messages";
import { queryKeys } from "@/components/query-keys";
import type { AccountSummary } from "@/lib/accounts/load-account-summaries";
import type { ChatView } from "@/lib/chats/chat-view";
import type { ListCachedChatsResponse } from "@/lib/chats/list-cached-chats";
import type { ListCachedMessagesResponse } from "@/lib/chats/list-cached-messages";
import type { MessageView } from "@/lib/chats/message-view";
import type { LiveEvent, SyncStateView } from "@/lib/live/live-event";

type ChatListData = InfiniteData<ListCachedChatsResponse, unknown>;
type MessagesData = InfiniteData<ListCachedMessagesResponse, unknown>;
type AccountList = { accounts: AccountSummary[] };
type ChatListFilter = { filter?: string; kind?: string };

/**
 * Puts a live event into the tab's query cache, where the inbox reads it: no request, no refetch. Only queries
 * already loaded change; what is not loaded is read fresh when it is opened.
 */
export function applyLiveEvent(queryClient: QueryClient, event: LiveEvent): void {
  switch (event.kind) {
    case "message":
      mergeMessages(queryClient, event.accountId, event.chat.id, event.messages);
      settleOutbox(queryClient, event.accountId, event.chat.id, event.messages);
      upsertChat(queryClient, event.accountId, event.chat, event.totalUnread);
      return;
    case "chat":
      upsertChat(queryClient, event.accountId, event.chat, event.totalUnread);
      return;
    case "sync":
      setSyncState(queryClient, event.accountId, event.sync);
      refreshImportedChats(queryClient, event.accountId, event.sync);
      return;
  }
}

/** The stream could not say what was missed: everything of every account is read again, in one invalidation. */
export function refetchAllAccounts(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.accounts() });
}

/** New messages join the newest page (oldest first, as the server sends it); known ones are replaced in place. */
export function mergeMessages(queryClient: QueryClient, accountId: string, chatId: string, messages: MessageView[]): void {
  if (messages.length === 0) return;
  queryClient.setQueryData<MessagesData>(queryKeys.account(accountId).messages(chatId), (data) => {
    if (!data?.pages?.length) return data;
    const incoming = new Map(messages.map((message) => [message.id, message]));
    const pages = data.pages.map((page) => {
      if (!page.messages.some((message) => incoming.has(message.id))) return page;
      return {
        ...page,
        messages: page.messages.map((message) => {
          const replacement = incoming.get(message.id);
          if (!replacement) return message;
          incoming.delete(message.id);
          return replacement;
        }),
      };
    });
    if (incoming.size > 0) {
      const [newest, ...older] = pages;
      pages.splice(0, pages.length, { ...newest!, messages: [...newest!.messages, ...incoming.values()].sort((a, b) => compareIds(a.id, b.id)) }, ...older);
    }
    return { ...data, pages };
  });
}

/**
 * A message sent from the inbox may be the one an outbox row this tab shows as still on its way: the event cannot
 * say which row it settles, so that chat's messages (with the outbox) are read again, once.
 */
function settleOutbox(queryClient: QueryClient, accountId: string, chatId: string, messages: MessageView[]): void {
  if (!messages.some((message) => message.sentBy !== null)) return;
  const key = queryKeys.account(accountId).messages(chatId);
  const data = queryClient.getQueryData<MessagesData>(key);
  if (data?.pages?.some((page) => page.outbox.length > 0)) void queryClient.invalidateQueries({ queryKey: key, exact: true });
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
  if (sync.phase === "IMPORTING" || wasImporting) {
    void queryClient.invalidateQueries({ queryKey: queryKeys.account(accountId).chatLists() });
  }
}

/** Whether a chat list with this filter shows the chat (the same rules as the server's listCachedChats). */
export function listAdmits(filter: ChatListFilter, chat: ChatView): boolean {
  if (filter.kind === "buyer" && !chat.isBuyerChat) return false;
  if (filter.kind === "support" && chat.isBuyerChat) return false;
  if (filter.filter === "unread") return chat.unreadCount > 0;
  if (filter.filter === "opened") return chat.status === "OPENED";
  if (filter.filter === "closed") return chat.status === "CLOSED";
  return true;
}

/** The server's order: newest activity first, chats without a message last, then by id. */
function comesBefore(a: ChatView, b: ChatView): boolean {
  if (a.lastMessageAt !== b.lastMessageAt) {
    if (a.lastMessageAt === null) return false;
    if (b.lastMessageAt === null) return true;
    const at = Date.parse(a.lastMessageAt);
    const bt = Date.parse(b.lastMessageAt);
    if (at !== bt) return at > bt;
  }
  return a.id < b.id;
}

/**
 * The chat as it now is, in every loaded chat list of its account: out of the lists whose filter no longer admits
 * it, and in the others at its place by last activity (a chat with a new message moves to the top). A place
 * beyond the loaded pages is left to the next page's fetch. The account's unread total goes everywhere it shows.
 */
export function upsertChat(queryClient: QueryClient, accountId: string, chat: ChatView, totalUnread: number): void {
  for (const [key, data] of queryClient.getQueriesData<ChatListData>({ queryKey: queryKeys.account(accountId).chatLists() })) {
    if (!data?.pages?.length) continue;
    const filter = (key[3] ?? {}) as ChatListFilter;
    const pages = data.pages.map((page) => ({ ...page, totalUnread, chats: page.chats.filter((c) => c.id !== chat.id) }));
    if (listAdmits(filter, chat)) {
      let placed = false;
      for (const page of pages) {
        const at = page.chats.findIndex((other) => comesBefore(chat, other));
        if (at >= 0) {
          page.chats.splice(at, 0, chat);
          placed = true;
          break;
        }
      }
      const last = pages[pages.length - 1]!;
      if (!placed && last.nextCursor === null) last.chats.push(chat);
    }
    queryClient.setQueryData<ChatListData>(key, { ...data, pages });
  }
  queryClient.setQueryData<AccountList>(queryKeys.accounts(), (list) =>
    list?.accounts
      ? { ...list, accounts: list.accounts.map((account) => (account.id === accountId ? { ...account, totalUnread } : account)) }
      : list,
  );
}

/** The account's sync progress and health, where the accounts list (settings) shows it. */
export function setSyncState(queryClient: QueryClient, accountId: string, sync: SyncStateView): void {
  queryClient.setQueryData<AccountList>(queryKeys.accounts(), (list) =>
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
