import { beforeAll, expect, it } from "vitest";
import type { ChatListQuery } from "@/components/query-keys";
import { toChatView, type ChatView } from "@/lib/cache/chat-view";
import { createTestAccount } from "@/lib/cache/test-helpers";
import { listCachedChats } from "@/lib/chats/list-cached-chats";
import { forEachDatabase } from "@/lib/db/testing";
import type { Prisma } from "@/lib/db/generated/client";
import { countQueueViews } from "@/lib/team/count-queue-views";
import { listQueueChats } from "@/lib/team/list-queue-chats";
import { QUEUE_VIEWS } from "@/lib/team/queue-views";
import { chatListAdmits, compareChatsInList } from "./chat-list-rules";

/** A small deterministic generator (mulberry32): the same chats on every run, so a failure can be replayed. */
function randomFrom(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

const CHAT_COUNT = 90;
const PAGE = 7;
const BASE = Date.parse("2026-11-25T09:00:00.000Z");
// Reply windows are read against the clock (the server's now, the replyState of each view): deadlines an hour or
// more either side of it, so both sides agree which have passed.
const NOW = Date.now();
const HOUR = 3_600_000;
const KINDS = [undefined, "buyer", "support", "review"] as const;
const FILTERS = ["all", "unread", "opened", "closed"] as const;

/**
 * Chats whose every field the lists read varies, with few distinct times so that ties (decided by id) and missing
 * times are common, and ids of several lengths (lower-case letters and digits, as the app's cuids: the one id order
 * the browser and every collation agree on) so that the tie-break by id is tested too.
 */
function generateChats(accountId: string, users: string[]): Prisma.ChatCreateManyInput[] {
  const random = randomFrom(11);
  const time = (missingShare: number) => (random.next() < missingShare ? null : new Date(BASE - Math.floor(random.next() * 6) * 60_000));
  return Array.from({ length: CHAT_COUNT }, (_, index) => {
    const draw = random.next();
    const isBuyerChat = draw < 0.6;
    // Reviews (lib/feedback): rated 1..5 (few distinct ratings, so ties are common), the odd one without.
    const isReview = draw >= 0.8;
    const workStatus = random.pick(["OPEN", "OPEN", "WAITING", "SNOOZED", "RESOLVED"] as const);
    // The windows lib/reply-window derives: none known, a deadline ahead (ties among them), one passed, not paid.
    const window = random.pick([
      { replyUntil: null, replyClosedReason: null },
      { replyUntil: null, replyClosedReason: null },
      { replyUntil: new Date(NOW + HOUR), replyClosedReason: "fbo_window_passed" },
      { replyUntil: new Date(NOW + 2 * HOUR), replyClosedReason: "fbs_window_passed" },
      { replyUntil: new Date(NOW - HOUR), replyClosedReason: "fbo_window_passed" },
      { replyUntil: null, replyClosedReason: "not_paid" },
    ]);
    return {
      id: random.pick([`c${(index * 7919).toString(36).padStart(6, "0")}`, `c${index.toString(36)}`, `d${index}z`]),
      accountId,
      ozonChatId: `ozon-${index}`,
      type: isBuyerChat ? "buyer_seller" : isReview ? "review" : "seller_support",
      isBuyerChat,
      status: random.pick(["OPENED", "OPENED", "CLOSED"] as const),
      unreadCount: random.pick([0, 0, 1, 4]),
      createdAt: new Date(BASE - 86_400_000),
      lastMessageAt: time(0.15),
      assigneeId: random.pick([null, ...users]),
      workStatus,
      snoozedUntil: workStatus === "SNOOZED" ? new Date(BASE + 3_600_000) : null,
      awaitingSince: time(0.4),
      // Ozon's reply windows are a buyer chat's (lib/reply-window); a review or a question never has one, and the queue
      // reads items' second range only (list-queue-chats.ts). Drawn all the same, so the other fields stay as they were.
      ...(isReview ? { replyUntil: null, replyClosedReason: null } : window),
      replyRefusedAt: random.next() < 0.1 ? new Date(BASE) : null,
      // From the index, not the generator: the other fields stay as they were drawn before reviews were added.
      rating: isReview ? [1, 1, 2, 3, 5, null][index % 6] : null,
    };
  });
}

/** Every query the inbox can ask: each filter of the chat list and each team view (for each agent), for each kind. */
function everyQuery(agents: string[]): ChatListQuery[] {
  return KINDS.flatMap((kind) => [
    ...FILTERS.map((filter): ChatListQuery => ({ kind, filter })),
    ...QUEUE_VIEWS.flatMap((view) => agents.map((me): ChatListQuery => ({ kind, view, me }))),
    // Reviews' own order of the queue's two views.
    ...(kind === "review" ? (["needs_reply", "unassigned"] as const).flatMap((view) => agents.map((me): ChatListQuery => ({ kind, view, me, order: "low_rating" }))) : []),
  ]);
}

forEachDatabase("the browser's chat list rules against the server's lists", (db) => {
  let accountId: string;
  let users: string[];
  let chats: ChatView[];

  beforeAll(async () => {
    await db.reset();
    accountId = await createTestAccount(db.prisma);
    // Another account's chats must never show, whatever the rules say about them.
    const otherAccountId = await createTestAccount(db.prisma, "other-client");
    users = [];
    for (const name of ["u1", "u2"]) {
      users.push((await db.prisma.user.create({ data: { email: `${name}@test.local`, name, passwordHash: "x" } })).id);
    }
    await db.prisma.chat.createMany({ data: generateChats(accountId, users) });
    await db.prisma.chat.createMany({ data: generateChats(otherAccountId, users).map((row, index) => ({ ...row, id: `other-${index}`, accountId: otherAccountId })) });
    chats = (await db.prisma.chat.findMany({ where: { accountId } })).map(toChatView);
    expect(chats).toHaveLength(CHAT_COUNT);
  });

  /** Every page of the server's list for `query`, in order, through its cursors. */
  async function serverList(query: ChatListQuery): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page <= CHAT_COUNT; page++) {
      const answer =
        query.view === undefined || query.view === "all"
          ? await listCachedChats(db.prisma, accountId, { kind: query.kind, filter: query.filter, cursor, limit: PAGE })
          : await listQueueChats(db.prisma, accountId, query.me!, { view: query.view, kind: query.kind, order: query.order, cursor, limit: PAGE });
      ids.push(...answer.chats.map((chat) => chat.id));
      if (answer.nextCursor === null) return ids;
      cursor = answer.nextCursor;
    }
    throw new Error("the list did not end");
  }

  it("the generated chats cover what the rules distinguish", () => {
    const distinct = (read: (chat: ChatView) => unknown) => new Set(chats.map(read)).size;
    expect(distinct((chat) => chat.lastMessageAt)).toBeGreaterThan(3);
    expect(chats.some((chat) => chat.lastMessageAt === null)).toBe(true);
    expect(distinct((chat) => `${chat.isBuyerChat}/${chat.status}/${chat.workStatus}/${chat.assigneeId}/${chat.awaitingSince === null}`)).toBeGreaterThan(30);
    const queued = chats.filter((chat) => chat.workStatus === "OPEN" && chat.awaitingSince !== null && chat.status === "OPENED");
    expect(new Set(queued.map((chat) => `${chat.replyState.canReply}/${chat.replyState.reason}/${chat.replyState.until}`)).size).toBeGreaterThan(4);
  });

  it("every view, filter and kind shows the same chats in the same order", async () => {
    for (const query of everyQuery(users)) {
      const browser = chats
        .filter((chat) => chatListAdmits(query, chat))
        .sort((a, b) => compareChatsInList(query, a, b))
        .map((chat) => chat.id);
      expect({ query, ids: await serverList(query) }).toEqual({ query, ids: browser });
      // A list that is empty or holds every chat would prove little: every query but "all" selects a part.
      if (query.filter !== "all" || query.kind !== undefined) expect(browser.length).toBeLessThan(chats.length);
      expect(browser.length).toBeGreaterThan(0);
    }
  });

  it("the team views' counts are the number of chats the rules admit", async () => {
    for (const me of users) {
      const count = (view: ChatListQuery["view"]) => chats.filter((chat) => chatListAdmits({ view, me }, chat)).length;
      expect(await countQueueViews(db.prisma, accountId, me)).toEqual({ needsReply: count("needs_reply"), mine: count("mine"), unassigned: count("unassigned"), cap: 1000 });
    }
  });
});
