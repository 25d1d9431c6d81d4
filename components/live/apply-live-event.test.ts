import { QueryClient, QueryObserver, type InfiniteData } from "@tanstack/react-query";
import { beforeEach, describe, expect, it } from "vitest";
import { queryKeys } from "@/components/query-keys";
import type { AccountSummary } from "@/lib/accounts/load-account-summaries";
import type { ChatView } from "@/lib/cache/chat-view";
import type { ListCachedChatsResponse } from "@/lib/chats/list-cached-chats";
import type { ListCachedMessagesResponse } from "@/lib/chats/list-cached-messages";
import type { MessageView } from "@/lib/cache/message-view";
import { refreshAccounts } from "@/components/query-cache/account-cache";
import { testChat, testChatList, testMessage, testOutboxRow } from "@/components/query-cache/test-helpers";
import { applyLiveEvent } from "./apply-live-event";

const A = "acc-a";
const ME = "user-me";
const keys = queryKeys.account(A);

const chat = testChat;
const message = (id: string, text = `m${id}`): MessageView => testMessage(id, { text });
const list = (pages: { chats: ChatView[]; nextCursor: string | null }[], totalUnread = 1) => testChatList(pages, totalUnread);

const ids = (data: InfiniteData<ListCachedChatsResponse, unknown> | undefined) => data?.pages.map((page) => page.chats.map((c) => c.id));

describe("applyLiveEvent", () => {
  let qc: QueryClient;
  beforeEach(() => {
    qc = new QueryClient();
  });

  it("moves a chat with a new buyer message to the top of every list that admits it, with its badge and the total", () => {
    qc.setQueryData(keys.chats({ kind: "buyer", filter: "all" }), list([{ chats: [chat("c1", 50), chat("c2", 40), chat("c3", 30)], nextCursor: null }]));
    qc.setQueryData(keys.chats({ kind: "buyer", filter: "unread" }), list([{ chats: [chat("c1", 50, { unreadCount: 1 })], nextCursor: null }]));
    qc.setQueryData(keys.chats({ kind: "support", filter: "all" }), list([{ chats: [chat("s1", 10, { isBuyerChat: false })], nextCursor: null }]));
    qc.setQueryData(keys.chats({ kind: "buyer", filter: "closed" }), list([{ chats: [], nextCursor: null }]));
    qc.setQueryData(queryKeys.accounts(), { accounts: [{ id: A, totalUnread: 1 }, { id: "other", totalUnread: 7 }] as AccountSummary[] });

    const moved = chat("c3", 55, { unreadCount: 2 });
    applyLiveEvent(qc, { kind: "message", accountId: A, chat: moved, messages: [message("9")], totalUnread: 3 }, ME);

    const all = qc.getQueryData<InfiniteData<ListCachedChatsResponse>>(keys.chats({ kind: "buyer", filter: "all" }));
    expect(ids(all)).toEqual([["c3", "c1", "c2"]]);
    expect(all!.pages[0]!.chats[0]!.unreadCount).toBe(2);
    expect(all!.pages[0]!.totalUnread).toBe(3);
    expect(ids(qc.getQueryData(keys.chats({ kind: "buyer", filter: "unread" })))).toEqual([["c3", "c1"]]);
    expect(ids(qc.getQueryData(keys.chats({ kind: "support", filter: "all" })))).toEqual([["s1"]]);
    expect(ids(qc.getQueryData(keys.chats({ kind: "buyer", filter: "closed" })))).toEqual([[]]);
    expect(qc.getQueryData<{ accounts: AccountSummary[] }>(queryKeys.accounts())!.accounts.map((a) => a.totalUnread)).toEqual([3, 7]);
  });

  it("a chat read leaves the unread list and keeps its place elsewhere; a closed one moves to the closed list", () => {
    qc.setQueryData(keys.chats({ kind: "buyer", filter: "all" }), list([{ chats: [chat("c1", 50, { unreadCount: 2 }), chat("c2", 40)], nextCursor: null }]));
    qc.setQueryData(keys.chats({ kind: "buyer", filter: "unread" }), list([{ chats: [chat("c1", 50, { unreadCount: 2 })], nextCursor: null }]));
    qc.setQueryData(keys.chats({ kind: "buyer", filter: "closed" }), list([{ chats: [], nextCursor: null }]));
    applyLiveEvent(qc, { kind: "chat", accountId: A, chat: chat("c1", 50, { unreadCount: 0 }), totalUnread: 0 }, ME);
    expect(ids(qc.getQueryData(keys.chats({ kind: "buyer", filter: "unread" })))).toEqual([[]]);
    const all = qc.getQueryData<InfiniteData<ListCachedChatsResponse>>(keys.chats({ kind: "buyer", filter: "all" }));
    expect(ids(all)).toEqual([["c1", "c2"]]);
    expect(all!.pages[0]!.chats[0]!.unreadCount).toBe(0);

    applyLiveEvent(qc, { kind: "chat", accountId: A, chat: chat("c2", 40, { status: "CLOSED" }), totalUnread: 0 }, ME);
    expect(ids(qc.getQueryData(keys.chats({ kind: "buyer", filter: "closed" })))).toEqual([["c2"]]);
  });

  it("leaves a chat whose place is beyond the loaded pages to the next page, and adds it at the end of a complete list", () => {
    qc.setQueryData(keys.chats({ kind: "buyer", filter: "all" }), list([{ chats: [chat("c1", 50), chat("c2", 40)], nextCursor: "more" }]));
    applyLiveEvent(qc, { kind: "chat", accountId: A, chat: chat("old", 5), totalUnread: 0 }, ME);
    expect(ids(qc.getQueryData(keys.chats({ kind: "buyer", filter: "all" })))).toEqual([["c1", "c2"]]);
    qc.setQueryData(keys.chats({ kind: "buyer", filter: "all" }), list([{ chats: [chat("c1", 50)], nextCursor: "x" }, { chats: [chat("c2", 40)], nextCursor: null }]));
    applyLiveEvent(qc, { kind: "chat", accountId: A, chat: chat("new-empty", null), totalUnread: 0 }, ME);
    expect(ids(qc.getQueryData(keys.chats({ kind: "buyer", filter: "all" })))).toEqual([["c1"], ["c2", "new-empty"]]);
  });

  it("appends new messages to the open chat once, replaces known ones in place, and leaves unloaded chats alone", () => {
    const data: InfiniteData<ListCachedMessagesResponse, unknown> = {
      pages: [
        { messages: [message("20"), message("30")], hasMore: true, outbox: [], notice: null },
        { messages: [message("5"), message("10")], hasMore: false, outbox: [], notice: null },
      ],
      pageParams: [null, "20"],
    };
    qc.setQueryData(keys.messages("c1"), data);
    const event = { kind: "message" as const, accountId: A, chat: chat("c1", 59), totalUnread: 0 };
    applyLiveEvent(qc, { ...event, messages: [message("40"), { ...message("10"), isRead: true }] }, ME);
    applyLiveEvent(qc, { ...event, messages: [message("40")] }, ME); // the same event again (a replay)
    const after = qc.getQueryData<InfiniteData<ListCachedMessagesResponse>>(keys.messages("c1"))!;
    expect(after.pages.map((page) => page.messages.map((m) => m.id))).toEqual([["20", "30", "40"], ["5", "10"]]);
    expect(after.pages[1]!.messages[1]!.isRead).toBe(true);
    expect(after.pages[0]!.hasMore).toBe(true);

    applyLiveEvent(qc, { ...event, chat: chat("c2", 59), messages: [message("41")] }, ME);
    expect(qc.getQueryData(keys.messages("c2"))).toBeUndefined();
  });

  it("puts a sync state into the accounts list, and refetch invalidates every account query at once", async () => {
    const account = { id: A, lastSyncAt: null, sync: { phase: "IMPORTING", chatsDone: 1, chatsTotal: 9, lastError: null, lastErrorAt: null } };
    qc.setQueryData(queryKeys.accounts(), { accounts: [account] as unknown as AccountSummary[] });
    applyLiveEvent(qc, {
      kind: "sync",
      accountId: A,
      sync: { phase: "INCREMENTAL", chatsDone: 9, chatsTotal: 9, lastSuccessAt: "2026-11-25T10:00:00.000Z", lastError: null },
    }, ME);
    expect(qc.getQueryData<{ accounts: AccountSummary[] }>(queryKeys.accounts())!.accounts[0]).toMatchObject({
      lastSyncAt: "2026-11-25T10:00:00.000Z",
      sync: { phase: "INCREMENTAL", chatsDone: 9, chatsTotal: 9 },
    });

    qc.setQueryData(keys.messages("c1"), { pages: [], pageParams: [] });
    await refreshAccounts(qc);
    expect(qc.getQueryState(keys.messages("c1"))!.isInvalidated).toBe(true);
    expect(qc.getQueryState(queryKeys.accounts())!.isInvalidated).toBe(true);
  });

  it("settles exactly the outbox row whose client id the message carries, without reading anything again", () => {
    const row = testOutboxRow;
    // Two rows with the same words: only the one the message names goes.
    qc.setQueryData(keys.messages("c1"), { pages: [{ messages: [], hasMore: false, notice: null, outbox: [row("k1", "UNKNOWN"), row("k2", "SENDING")] }], pageParams: [null] });
    const sent = { ...message("50", "Здравствуйте"), authorType: "seller", sentBy: { id: "u1", name: "Anna" }, clientId: "k1" };
    applyLiveEvent(qc, { kind: "message", accountId: A, chat: chat("c1", 59), messages: [sent], totalUnread: 0 }, ME);
    const data = () => qc.getQueryData<InfiniteData<ListCachedMessagesResponse, unknown>>(keys.messages("c1"))!;
    expect(data().pages[0]!.outbox.map((r) => r.clientId)).toEqual(["k2"]);
    expect(data().pages[0]!.messages.map((m) => m.clientId)).toEqual(["k1"]);
    expect(qc.getQueryState(keys.messages("c1"))!.isInvalidated).toBe(false);

    // An outbox event brings the row's newer state; an older one is ignored; one for a shown message too.
    applyLiveEvent(qc, { kind: "outbox", accountId: A, outbox: row("k2", "UNKNOWN", "2026-11-25T10:00:05.000Z") }, ME);
    applyLiveEvent(qc, { kind: "outbox", accountId: A, outbox: row("k2", "SENDING", "2026-11-25T10:00:01.000Z") }, ME);
    applyLiveEvent(qc, { kind: "outbox", accountId: A, outbox: row("k1", "SENT", "2026-11-25T10:00:09.000Z") }, ME);
    expect(data().pages[0]!.outbox.map((r) => [r.clientId, r.state])).toEqual([["k2", "UNKNOWN"]]);
  });

  it("reads the chat lists again while an import runs and once when it ends, not on ordinary passes", () => {
    const listKey = keys.chats({ kind: "buyer", filter: "all" });
    const sync = { chatsDone: 0, chatsTotal: 9, lastSuccessAt: null, lastError: null };
    const invalidated = () => qc.getQueryState(listKey)!.isInvalidated;
    const reload = () => qc.setQueryData(listKey, list([{ chats: [], nextCursor: null }]));
    reload();
    applyLiveEvent(qc, { kind: "sync", accountId: A, sync: { ...sync, phase: "INCREMENTAL" } }, ME);
    expect(invalidated()).toBe(false);
    applyLiveEvent(qc, { kind: "sync", accountId: A, sync: { ...sync, phase: "IMPORTING" } }, ME);
    expect(invalidated()).toBe(true);
    reload();
    applyLiveEvent(qc, { kind: "sync", accountId: A, sync: { ...sync, phase: "INCREMENTAL" } }, ME);
    expect(invalidated()).toBe(true);
    reload();
    applyLiveEvent(qc, { kind: "sync", accountId: A, sync: { ...sync, phase: "INCREMENTAL" } }, ME);
    expect(invalidated()).toBe(false);
  });

  it("team events: the chat leaves Needs reply when resolved and joins Mine of its new owner, in waiting order; the trail gets the line once", () => {
    const waiting = (id: string, minute: number, over: Partial<ChatView> = {}) =>
      chat(id, minute, { awaitingSince: new Date(Date.UTC(2026, 10, 25, 9, minute)).toISOString(), ...over });
    qc.setQueryData(keys.chats({ kind: "buyer", view: "needs_reply", me: "u1" }), list([{ chats: [waiting("c1", 5), waiting("c2", 10)], nextCursor: null }]));
    qc.setQueryData(keys.chats({ kind: "buyer", view: "mine", me: "u1" }), list([{ chats: [], nextCursor: null }]));
    qc.setQueryData(keys.activities("c3"), { activities: [] });
    const line = { id: "7", chatId: "c3", kind: "assigned" as const, actor: { id: "u2", name: "Anna" }, automatic: false, assigneeId: "u1", status: null, snoozedUntil: null, text: null, mentions: [], createdAt: "2026-11-25T10:00:00.000Z" };
    // A chat waiting between the two, now owned by u1: placed by waiting time in Needs reply, and in u1's Mine.
    const assigned = waiting("c3", 7, { assigneeId: "u1" });
    applyLiveEvent(qc, { kind: "team", accountId: A, chat: assigned, activity: line, totalUnread: 0 }, ME);
    applyLiveEvent(qc, { kind: "team", accountId: A, chat: assigned, activity: line, totalUnread: 0 }, ME);
    expect(ids(qc.getQueryData(keys.chats({ kind: "buyer", view: "needs_reply", me: "u1" })))).toEqual([["c1", "c3", "c2"]]);
    expect(ids(qc.getQueryData(keys.chats({ kind: "buyer", view: "mine", me: "u1" })))).toEqual([["c3"]]);
    expect(qc.getQueryData<{ activities: unknown[] }>(keys.activities("c3"))!.activities).toHaveLength(1);
    // Resolved: out of Needs reply and of Mine.
    applyLiveEvent(qc, { kind: "team", accountId: A, chat: { ...assigned, workStatus: "RESOLVED" }, activity: null, totalUnread: 0 }, ME);
    expect(ids(qc.getQueryData(keys.chats({ kind: "buyer", view: "needs_reply", me: "u1" })))).toEqual([["c1", "c2"]]);
    expect(ids(qc.getQueryData(keys.chats({ kind: "buyer", view: "mine", me: "u1" })))).toEqual([[]]);
  });

  it("the views' counts come with message and chat events, without a request; a change of the user's own chat reads Mine again", () => {
    const counts = keys.queueCounts();
    const fetched: string[] = [];
    qc.setQueryData(counts, { needsReply: 5, unassigned: 3, mine: 2, cap: 1000 });
    // Observed, as the views' tabs hold it (fresh: no fetch on subscribing); an invalidation refetches it at once.
    const observer = new QueryObserver(qc, {
      queryKey: counts,
      staleTime: Infinity,
      queryFn: () => {
        fetched.push("counts");
        return { needsReply: 9, unassigned: 9, mine: 9, cap: 1000 };
      },
    });
    const unsubscribe = observer.subscribe(() => {});

    const queue = { needsReply: 6, unassigned: 4, cap: 1000 };
    applyLiveEvent(qc, { kind: "message", accountId: A, chat: chat("c1", 60, { assigneeId: "someone" }), messages: [message("1")], totalUnread: 1, queue }, ME);
    expect(qc.getQueryData(counts)).toEqual({ needsReply: 6, unassigned: 4, mine: 2, cap: 1000 });
    applyLiveEvent(qc, { kind: "chat", accountId: A, chat: chat("c1", 60), totalUnread: 0, queue: { ...queue, needsReply: 1000 } }, ME);
    expect(qc.getQueryData(counts)).toEqual({ needsReply: 1000, unassigned: 4, mine: 2, cap: 1000 });
    expect(fetched).toEqual([]);

    // The user's own chat, or an event without counts: read again.
    applyLiveEvent(qc, { kind: "message", accountId: A, chat: chat("c2", 61, { assigneeId: ME }), messages: [message("2")], totalUnread: 1, queue }, ME);
    expect(fetched).toEqual(["counts"]);
    applyLiveEvent(qc, { kind: "chat", accountId: A, chat: chat("c3", 62), totalUnread: 0 }, ME);
    expect(fetched.length).toBeGreaterThanOrEqual(2);
    unsubscribe();
  });
});
