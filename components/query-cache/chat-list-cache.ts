import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import { queryKeys, type ChatListQuery } from "@/components/query-keys";
import type { AccountSummary } from "@/lib/accounts/load-account-summaries";
import type { ChatView } from "@/lib/cache/chat-view";
import type { GetChatOrderResponse } from "@/lib/chats/get-chat-order";
import type { ListCachedChatsResponse } from "@/lib/chats/list-cached-chats";
import { chatListAdmits, compareChatsInList } from "./chat-list-rules";
import { rereadLoadsInFlight } from "./reread-loads-in-flight";

/** A loaded chat list (a kind and filter, or a team view): the server's pages, newest activity first. */
export type ChatListData = InfiniteData<ListCachedChatsResponse, unknown>;
type AccountList = { accounts: AccountSummary[] };

/**
 * The chat as it now is, everywhere the tab holds it: the open chat and its order panel, and every loaded chat list
 * of its account: out of the lists that no longer show it, and in the others at its place by the list's rules (a
 * chat with a new message moves to the top). A place beyond the loaded pages is left to the next page's fetch. The
 * account's unread total goes everywhere it shows.
 */
export function applyChatChange(queryClient: QueryClient, accountId: string, chat: ChatView, totalUnread: number): void {
  const keys = queryKeys.account(accountId);
  // The open chat's order panel holds the chat too (its reply state): it follows the changes as the lists do.
  queryClient.setQueryData<GetChatOrderResponse>(keys.chatOrder(chat.id), (data) => (data ? { ...data, chat } : data));
  queryClient.setQueryData(keys.chat(chat.id), chat);
  for (const [key, data] of queryClient.getQueriesData<ChatListData>({ queryKey: keys.chatLists() })) {
    if (!data?.pages?.length) continue;
    const query = (key[3] ?? {}) as ChatListQuery;
    const pages = data.pages.map((page) => ({ ...page, totalUnread, chats: page.chats.filter((other) => other.id !== chat.id) }));
    if (chatListAdmits(query, chat)) placeChat(query, pages, chat);
    queryClient.setQueryData<ChatListData>(key, { ...data, pages });
  }
  setAccountTotalUnread(queryClient, accountId, totalUnread);
  // Not keys.chat: that slot only holds what events set (its "load" resets it to null, which would undo this change).
  for (const key of [keys.chatOrder(chat.id), keys.chatLists()]) void rereadLoadsInFlight(queryClient, key);
}

/** Puts the chat before the first chat of the loaded pages it precedes; after the last one only on the last page. */
function placeChat(query: ChatListQuery, pages: ListCachedChatsResponse[], chat: ChatView): void {
  for (const page of pages) {
    const at = page.chats.findIndex((other) => compareChatsInList(query, chat, other) < 0);
    if (at >= 0) {
      page.chats.splice(at, 0, chat);
      return;
    }
  }
  const last = pages[pages.length - 1]!;
  if (last.nextCursor === null) last.chats.push(chat);
}

/**
 * A chat's unread count, and the account's total, wherever the tab shows them. Without `totalUnread` (the agent
 * has just read the chat, the server has not answered) the total drops by what the chat had, once, the same in
 * every list; the server's answer then settles both.
 */
export function setChatUnread(queryClient: QueryClient, accountId: string, chatId: string, update: { unreadCount: number; totalUnread?: number }): void {
  const keys = queryKeys.account(accountId);
  const lists = queryClient.getQueriesData<ChatListData>({ queryKey: keys.chatLists() });
  const before = findCachedChat(queryClient, accountId, chatId)?.unreadCount;
  const drop = before === undefined ? 0 : before - update.unreadCount;
  const totalAfter = (total: number) => update.totalUnread ?? Math.max(0, total - drop);
  for (const [key, data] of lists) {
    if (!data?.pages) continue;
    queryClient.setQueryData<ChatListData>(key, {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        totalUnread: totalAfter(page.totalUnread),
        chats: page.chats.map((chat) => (chat.id === chatId ? { ...chat, unreadCount: update.unreadCount } : chat)),
      })),
    });
  }
  queryClient.setQueryData<ChatView | null>(keys.chat(chatId), (chat) => (chat ? { ...chat, unreadCount: update.unreadCount } : chat));
  queryClient.setQueryData<AccountList>(queryKeys.accounts(), (list) =>
    list?.accounts
      ? { ...list, accounts: list.accounts.map((account) => (account.id === accountId ? { ...account, totalUnread: totalAfter(account.totalUnread) } : account)) }
      : list,
  );
}

/** The chat as the tab last saw it: from the live stream, else from a loaded chat list; undefined if neither has it. */
export function findCachedChat(queryClient: QueryClient, accountId: string, chatId: string): ChatView | undefined {
  const keys = queryKeys.account(accountId);
  const live = queryClient.getQueryData<ChatView | null>(keys.chat(chatId));
  if (live) return live;
  for (const [, data] of queryClient.getQueriesData<ChatListData>({ queryKey: keys.chatLists() })) {
    const found = data?.pages?.flatMap((page) => page.chats).find((chat) => chat.id === chatId);
    if (found) return found;
  }
  return undefined;
}

/** The account's unread total in the accounts list (the account bar of other accounts, settings). */
function setAccountTotalUnread(queryClient: QueryClient, accountId: string, totalUnread: number): void {
  queryClient.setQueryData<AccountList>(queryKeys.accounts(), (list) =>
    list?.accounts ? { ...list, accounts: list.accounts.map((account) => (account.id === accountId ? { ...account, totalUnread } : account)) } : list,
  );
}

/**
 * Stops the chat lists' loads in flight (before an optimistic edit, which a load begun earlier would overwrite).
 * Only lists with data: cancelling a list's first load would leave it loading for good, with nothing to show.
 */
export function cancelChatListLoads(queryClient: QueryClient, accountId: string): Promise<void> {
  return queryClient.cancelQueries({ queryKey: queryKeys.account(accountId).chatLists(), predicate: (query) => query.state.data !== undefined });
}

/** Every chat list of the account is read again (each kind, filter and view). */
export function refreshChatLists(queryClient: QueryClient, accountId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.account(accountId).chatLists() });
}
