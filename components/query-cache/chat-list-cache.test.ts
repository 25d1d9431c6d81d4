import { InfiniteQueryObserver, QueryClient } from "@tanstack/react-query";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { queryKeys, type ChatListQuery } from "@/components/query-keys";
import type { AccountSummary } from "@/lib/accounts/load-account-summaries";
import type { ChatView } from "@/lib/cache/chat-view";
import type { ListCachedChatsResponse } from "@/lib/chats/list-cached-chats";
import { applyChatChange, findCachedChat, setChatUnread, type ChatListData } from "./chat-list-cache";
import { chatListAdmits, compareChatsInList } from "./chat-list-rules";
import { minute, testChat, testChatList } from "./test-helpers";

const A = "acc-a";
const keys = queryKeys.account(A);
const ME = "u1";

/** Every list the inbox shows for one kind: the chat list's filters and the team's views. */
const QUERIES: ChatListQuery[] = [
  ...(["all", "unread", "opened", "closed"] as const).map((filter): ChatListQuery => ({ kind: "buyer", filter })),
  ...(["all", "needs_reply", "mine", "unassigned"] as const).map((view): ChatListQuery => ({ kind: "buyer", view, me: ME })),
  { kind: "support", filter: "all" },
];

const ids = (data: ChatListData | undefined) => data?.pages.map((page) => page.chats.map((chat) => chat.id));
const expected = (query: ChatListQuery, chats: ChatView[]) => chats.filter((chat) => chatListAdmits(query, chat)).sort((a, b) => compareChatsInList(query, a, b)).map((chat) => chat.id);

describe("the chat lists' cache", () => {
  let qc: QueryClient;
  beforeEach(() => {
    qc = new QueryClient();
  });

  it("a change moves the chat into the views that now show it, out of the others, at its place in each", () => {
    const waiting = (id: string, since: number, over: Partial<ChatView> = {}) => testChat(id, 50 - since, { awaitingSince: minute(since), ...over });
    const chats = [waiting("c1", 5), waiting("c2", 20), testChat("c3", 40), waiting("c4", 1, { assigneeId: ME })];
    // Each list as the server answers it.
    for (const query of QUERIES) qc.setQueryData(keys.chats(query), testChatList([{ chats: expected(query, chats).map((id) => chats.find((chat) => chat.id === id)!), nextCursor: null }]));

    // The buyer of c3 writes (waiting since minute 10), and an agent takes it: Needs reply gets it between c1 and c2,
    // Mine at the top (newest activity), Unassigned not at all.
    const c3 = testChat("c3", 59, { awaitingSince: minute(10), assigneeId: ME, unreadCount: 1 });
    applyChatChange(qc, A, c3, 1);
    const list = (query: ChatListQuery) => ids(qc.getQueryData(keys.chats(query)));
    expect(list({ kind: "buyer", view: "needs_reply", me: ME })).toEqual([["c4", "c1", "c3", "c2"]]);
    expect(list({ kind: "buyer", view: "unassigned", me: ME })).toEqual([["c1", "c2"]]);
    expect(list({ kind: "buyer", view: "mine", me: ME })).toEqual([["c3", "c4"]]);
    expect(list({ kind: "buyer", filter: "unread" })).toEqual([["c3"]]);
    expect(list({ kind: "buyer", filter: "all" })).toEqual([["c3", "c4", "c1", "c2"]]);
    expect(list({ kind: "support", filter: "all" })).toEqual([[]]);

    // Resolved: out of Needs reply and Mine; still in the chat list, where it was.
    applyChatChange(qc, A, { ...c3, workStatus: "RESOLVED", awaitingSince: null }, 1);
    expect(list({ kind: "buyer", view: "needs_reply", me: ME })).toEqual([["c4", "c1", "c2"]]);
    expect(list({ kind: "buyer", view: "mine", me: ME })).toEqual([["c4"]]);
    expect(list({ kind: "buyer", filter: "all" })).toEqual([["c3", "c4", "c1", "c2"]]);
    expect(findCachedChat(qc, A, "c3")?.workStatus).toBe("RESOLVED");
  });

  it("after any sequence of changes, every fully loaded list is what the list's rules make of the chats", () => {
    // A deterministic walk: each step changes one field of one chat, as live events do.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const current = new Map<string, ChatView>();
    for (let index = 0; index < 12; index++) current.set(`c${index}`, testChat(`c${index}`, pick([null, 1, 2, 3])));
    const start = [...current.values()];
    for (const query of QUERIES) qc.setQueryData(keys.chats(query), testChatList([{ chats: [], nextCursor: null }]));
    for (const chat of start) applyChatChange(qc, A, chat, 0);

    for (let step = 0; step < 300; step++) {
      const chat = current.get(pick([...current.keys()]))!;
      const changed: ChatView = pick([
        { ...chat, lastMessageAt: minute(pick([null, 1, 2, 3, 4])) },
        { ...chat, awaitingSince: minute(pick([null, 1, 2, 3])) },
        { ...chat, assigneeId: pick([null, ME, "u2"]) },
        { ...chat, workStatus: pick(["OPEN", "WAITING", "SNOOZED", "RESOLVED"] as const) },
        { ...chat, status: pick(["OPENED", "CLOSED"] as const) },
        { ...chat, unreadCount: pick([0, 2]) },
        { ...chat, isBuyerChat: !chat.isBuyerChat },
      ]);
      current.set(chat.id, changed);
      applyChatChange(qc, A, changed, step);
      for (const query of QUERIES) {
        expect({ step, query, ids: ids(qc.getQueryData(keys.chats(query))) }).toEqual({ step, query, ids: [expected(query, [...current.values()])] });
      }
    }
  });

  it("a chat whose place is beyond the loaded pages waits for the next page's fetch", () => {
    const query: ChatListQuery = { kind: "buyer", filter: "all" };
    qc.setQueryData(keys.chats(query), testChatList([{ chats: [testChat("c1", 50), testChat("c2", 40)], nextCursor: "more" }]));
    applyChatChange(qc, A, testChat("old", 5), 0);
    expect(ids(qc.getQueryData(keys.chats(query)))).toEqual([["c1", "c2"]]);
    applyChatChange(qc, A, testChat("c2", 55), 0);
    expect(ids(qc.getQueryData(keys.chats(query)))).toEqual([["c2", "c1"]]);
  });

  it("unread counts stay one figure: the chat's in every list and the account's total, optimistic and answered", () => {
    const unread = testChat("c1", 50, { unreadCount: 3 });
    qc.setQueryData(keys.chats({ kind: "buyer", filter: "all" }), testChatList([{ chats: [unread, testChat("c2", 40, { unreadCount: 2 })], nextCursor: null }], 5));
    qc.setQueryData(keys.chats({ kind: "buyer", filter: "unread" }), testChatList([{ chats: [unread], nextCursor: "more" }], 5));
    // A list that does not hold the chat (the chat is on a page not loaded): its total drops all the same.
    qc.setQueryData(keys.chats({ kind: "buyer", filter: "closed" }), testChatList([{ chats: [], nextCursor: null }], 5));
    qc.setQueryData(queryKeys.accounts(), { accounts: [{ id: A, totalUnread: 5 }, { id: "other", totalUnread: 7 }] as AccountSummary[] });
    const totals = () => [
      ...qc.getQueriesData<ChatListData>({ queryKey: keys.chatLists() }).flatMap(([, data]) => data!.pages.map((page) => page.totalUnread)),
      ...qc.getQueryData<{ accounts: AccountSummary[] }>(queryKeys.accounts())!.accounts.map((account) => account.totalUnread),
    ];
    const counts = () => qc.getQueriesData<ChatListData>({ queryKey: keys.chatLists() }).flatMap(([, data]) => data!.pages.flatMap((page) => page.chats.filter((chat) => chat.id === "c1").map((chat) => chat.unreadCount)));

    setChatUnread(qc, A, "c1", { unreadCount: 0 });
    expect(totals()).toEqual([2, 2, 2, 2, 7]);
    expect(counts()).toEqual([0, 0]);
    // The same again (a second tab's read, a repeated effect) drops nothing more.
    setChatUnread(qc, A, "c1", { unreadCount: 0 });
    expect(totals()).toEqual([2, 2, 2, 2, 7]);

    // The server's answer: Ozon still counts one message of c1 unread, and the account's total is 3.
    setChatUnread(qc, A, "c1", { unreadCount: 1, totalUnread: 3 });
    expect(totals()).toEqual([3, 3, 3, 3, 7]);
    expect(counts()).toEqual([1, 1]);

    // A live change of another chat carries the account's total: every place shows it.
    applyChatChange(qc, A, testChat("c2", 40, { unreadCount: 0 }), 1);
    expect(totals()).toEqual([1, 1, 1, 1, 7]);
  });

  it("a list load in flight when a change arrives is read again: its answer, read before the change, does not hide it", async () => {
    const query: ChatListQuery = { kind: "buyer", filter: "all" };
    const before = testChat("c1", 10);
    const after = testChat("c1", 20, { replyState: { canReply: true, until: minute(50), reason: null } });
    qc.setQueryData(keys.chats(query), testChatList([{ chats: [before], nextCursor: null }]));
    // The server's answers in order: the load begun before the change (held until the change is applied), then any later one.
    let answerFirstLoad!: () => void;
    const answers = [
      new Promise<ListCachedChatsResponse>((resolve) => (answerFirstLoad = () => resolve({ chats: [before], nextCursor: null, totalUnread: 0 }))),
      Promise.resolve<ListCachedChatsResponse>({ chats: [after], nextCursor: null, totalUnread: 0 }),
    ];
    let calls = 0;
    const observer = new InfiniteQueryObserver(qc, {
      queryKey: keys.chats(query),
      queryFn: () => answers[Math.min(calls++, answers.length - 1)]!,
      initialPageParam: null as string | null,
      getNextPageParam: (page: ListCachedChatsResponse) => page.nextCursor,
      staleTime: Infinity,
    });
    const unsubscribe = observer.subscribe(() => {});
    const loading = observer.refetch();
    expect(qc.getQueryState(keys.chats(query))?.fetchStatus).toBe("fetching");

    applyChatChange(qc, A, after, 0);
    answerFirstLoad();
    await loading;
    await vi.waitFor(() => expect(qc.getQueryState(keys.chats(query))?.fetchStatus).toBe("idle"));
    expect(qc.getQueryData<ChatListData>(keys.chats(query))?.pages[0]?.chats[0]?.replyState.until).toBe(minute(50));
    expect(calls).toBe(2);
    unsubscribe();
  });
});
