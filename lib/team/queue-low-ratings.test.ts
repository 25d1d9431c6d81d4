import { afterAll, beforeEach, expect, it } from "vitest";

import { createTestUser, type TestUser } from "@/lib/auth/testing";
import { closeOtherSessions, createTestAccount } from "@/lib/cache/test-helpers";
import { forEachDatabase } from "@/lib/db/testing";

import { assignChat } from "./assign-chat";
import { listQueueChats, type ListQueueChatsRequest } from "./list-queue-chats";

const HOUR = 3_600_000;

forEachDatabase("Needs reply of reviews, low ratings first", (db) => {
  afterAll(() => closeOtherSessions(db));
  const now = new Date(Date.UTC(2026, 11, 7, 12, 0, 0));
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);
  let accountId: string;
  let anna: TestUser;
  let reviews: Record<string, string>;
  let serial = 0;

  /** A review as the poll leaves it (docs/questions-and-reviews.md): no reply window, awaiting our comment or not. */
  async function review(rating: number | null, waitedHours: number | null, over: { workStatus?: "OPEN" | "RESOLVED" } = {}): Promise<string> {
    serial += 1;
    const chat = await db.prisma.chat.create({
      data: {
        accountId,
        ozonChatId: `review:r-${serial}`,
        type: "review",
        isBuyerChat: false,
        createdAt: ago(200),
        rating,
        awaitingSince: waitedHours === null ? null : ago(waitedHours),
        lastMessageAt: ago(waitedHours ?? 150),
        historyStartReached: true,
        ...over,
      },
    });
    return chat.id;
  }

  /** Every page of a view, in order. */
  async function all(request: ListQueueChatsRequest, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const page = await listQueueChats(db.prisma, accountId, anna.id, { ...request, limit, cursor }, now);
      seen.push(...page.chats.map((c) => c.id));
      if (page.nextCursor === null) return seen;
      cursor = page.nextCursor;
    }
    throw new Error("the queue did not end");
  }

  beforeEach(async () => {
    await db.reset();
    accountId = await createTestAccount(db.prisma);
    anna = await createTestUser(db, { accountIds: [accountId], name: "Anna" });
    reviews = {
      five: await review(5, 100),
      oneNewer: await review(1, 2),
      three: await review(3, 50),
      oneOlder: await review(1, 30),
      twoA: await review(2, 10),
      twoB: await review(2, 10),
      unrated: await review(null, 300),
    };
    // Not awaiting: answered, or resolved by us; and a buyer chat, which no review order shows.
    await review(1, null);
    await review(1, 5, { workStatus: "RESOLVED" });
    await db.prisma.chat.create({
      data: { accountId, ozonChatId: "buyer-1", type: "buyer_seller", isBuyerChat: true, createdAt: ago(10), awaitingSince: ago(400), lastMessageAt: ago(400) },
    });
  });

  const twos = () => [reviews.twoA!, reviews.twoB!].sort();

  it("puts the lowest rating first, each rating by the longest wait, ties by id, unrated last, at every page size", async () => {
    const expected = [reviews.oneOlder, reviews.oneNewer, ...twos(), reviews.three, reviews.five, reviews.unrated];
    for (const limit of [1, 2, 3, 4, 50]) {
      expect(await all({ view: "needs_reply", kind: "review", order: "low_rating" }, limit), `limit ${limit}`).toEqual(expected);
    }
    // The default order of the same reviews: by the wait alone (a review has no Ozon deadline).
    expect(await all({ view: "needs_reply", kind: "review" }, 3)).toEqual([
      reviews.unrated,
      reviews.five,
      reviews.three,
      reviews.oneOlder,
      ...twos(),
      reviews.oneNewer,
    ]);
  });

  it("orders Unassigned the same way, without the reviews someone owns", async () => {
    await assignChat(db.prisma, { accountId, chatId: reviews.oneOlder! }, anna, { assigneeId: anna.id });
    await assignChat(db.prisma, { accountId, chatId: reviews.three! }, anna, { assigneeId: anna.id });
    expect(await all({ view: "unassigned", kind: "review", order: "low_rating" }, 2)).toEqual([reviews.oneNewer, ...twos(), reviews.five, reviews.unrated]);
  });

  it("refuses the order where there is nothing to rate, and a cursor of the other order", async () => {
    for (const request of [
      { view: "needs_reply", kind: "buyer", order: "low_rating" },
      { view: "needs_reply", order: "low_rating" },
      { view: "mine", kind: "review", order: "low_rating" },
      { view: "needs_reply", kind: "review", order: "stars" },
    ] as ListQueueChatsRequest[]) {
      await expect(listQueueChats(db.prisma, accountId, anna.id, request, now), JSON.stringify(request)).rejects.toThrow(/order/);
    }
    const byDeadline = await listQueueChats(db.prisma, accountId, anna.id, { view: "needs_reply", kind: "review", limit: 1 }, now);
    await expect(
      listQueueChats(db.prisma, accountId, anna.id, { view: "needs_reply", kind: "review", order: "low_rating", cursor: byDeadline.nextCursor! }, now),
    ).rejects.toMatchObject({ code: "cursor_invalid" });
  });
});
