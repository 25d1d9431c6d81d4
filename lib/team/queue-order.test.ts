import { afterAll, beforeEach, expect, it } from "vitest";

import { createTestUser, type TestUser } from "@/lib/auth/testing";
import { closeOtherSessions } from "@/lib/cache/test-helpers";
import { forEachDatabase } from "@/lib/db/testing";
import { createLiveTestChat } from "@/lib/live/test-helpers";
import { updateChatReplyWindow } from "@/lib/reply-window/update-chat-reply-window";

import { assignChat } from "./assign-chat";
import { countQueueViews } from "./count-queue-views";
import { listQueueChats } from "./list-queue-chats";

const HOUR = 3_600_000;

forEachDatabase("Needs reply ordered by Ozon's deadline", (db) => {
  afterAll(() => closeOtherSessions(db));
  let accountId: string;
  let anna: TestUser;
  // Every time below is relative to this instant, passed to the queue as its clock.
  const now = new Date(Date.UTC(2026, 11, 7, 12, 0, 0));
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);

  /**
   * A buyer chat awaiting a reply since `waitedHours`, whose reply window lib/reply-window derives from its postings
   * (none given: never read, no window known), like the cache writers leave it.
   */
  async function awaiting(
    waitedHours: number,
    postings: { scheme: string; status: string; paidHoursAgo?: number; deliveredHoursAgo?: number }[] | null,
    over: { replyRefusedAt?: Date } = {},
  ): Promise<string> {
    const { chatId } = await createLiveTestChat(db.prisma, { accountId, lastMessageAt: ago(waitedHours) });
    await db.prisma.chat.update({
      where: { id: chatId },
      data: { awaitingSince: ago(waitedHours), lastBuyerMessageAt: ago(waitedHours), postingsCheckedAt: postings === null ? null : now, ...over },
    });
    for (const [i, p] of (postings ?? []).entries()) {
      await db.prisma.chatPosting.create({
        data: {
          chatId,
          accountId,
          postingNumber: `${chatId}-${i}`,
          scheme: p.scheme,
          status: p.status,
          paidAt: p.paidHoursAgo === undefined ? null : ago(p.paidHoursAgo),
          deliveredAt: p.deliveredHoursAgo === undefined ? null : ago(p.deliveredHoursAgo),
          products: [],
          fetchedAt: now,
        },
      });
    }
    await updateChatReplyWindow(db.prisma, chatId);
    return chatId;
  }

  let order: Record<string, string>;

  beforeEach(async () => {
    await db.reset();
    ({ accountId } = await createLiveTestChat(db.prisma));
    anna = await createTestUser(db, { accountIds: [accountId], name: "Anna" });
    order = {
      // FBS delivered 71.5 h ago, the buyer wrote 48+ h ago: the 72 h after delivery end in 30 minutes.
      fbs72: await awaiting(50, [{ scheme: "FBS", status: "delivered", paidHoursAgo: 100, deliveredHoursAgo: 71.5 }]),
      // FBO, the buyer wrote 47 h ago: the 48 h end in an hour.
      fbo48: await awaiting(47, [{ scheme: "FBO", status: "delivered" }]),
      // FBS delivered 10 h ago: 62 h left, though the buyer has waited longer than the two above.
      fbsLate: await awaiting(60, [{ scheme: "FBS", status: "delivered", paidHoursAgo: 80, deliveredHoursAgo: 10 }]),
      // No deadline known (paid, not delivered; postings never read): after every deadline, the longest wait first.
      onTheWay: await awaiting(100, [{ scheme: "FBS", status: "delivering", paidHoursAgo: 120 }]),
      unknown5: await awaiting(5, null),
      unknown3: await awaiting(3, null),
    };
    // Closed windows: out of the queue, whatever their wait.
    await awaiting(49, [{ scheme: "FBO", status: "delivered" }]); // FBO: 48 h passed
    await awaiting(49, [{ scheme: "FBS", status: "delivered", paidHoursAgo: 100, deliveredHoursAgo: 73 }]); // FBS: 72 h and 48 h passed
    await awaiting(200, [{ scheme: "FBS", status: "awaiting_packaging" }]); // not paid, and the buyer's 48 h passed
    await awaiting(1, null, { replyRefusedAt: ago(0.5) }); // Ozon refused a send
  });

  const expected = () => [order.fbs72, order.fbo48, order.fbsLate, order.onTheWay, order.unknown5, order.unknown3];

  it("the deadline soonest first, then the longest wait; closed windows are not in it; counts agree", async () => {
    const { chats } = await listQueueChats(db.prisma, accountId, anna.id, { view: "needs_reply" }, now);
    expect(chats.map((c) => c.id)).toEqual(expected());
    expect(chats.map((c) => c.replyState.until)).toEqual([
      new Date(now.getTime() + 0.5 * HOUR).toISOString(),
      new Date(now.getTime() + HOUR).toISOString(),
      new Date(now.getTime() + 62 * HOUR).toISOString(),
      null,
      null,
      null,
    ]);
    expect(await countQueueViews(db.prisma, accountId, anna.id, now)).toEqual({ needsReply: 6, mine: 0, unassigned: 6, cap: 1000 });
  });

  it("each count stops at its cap, across the two ranges, and counts below it exactly", async () => {
    // Three with a deadline ahead, three without: a cap of 4 is reached in the second range.
    expect(await countQueueViews(db.prisma, accountId, anna.id, now, 4)).toEqual({ needsReply: 4, mine: 0, unassigned: 4, cap: 4 });
    expect(await countQueueViews(db.prisma, accountId, anna.id, now, 2)).toEqual({ needsReply: 2, mine: 0, unassigned: 2, cap: 2 });
    // Anna owns one with a deadline and two without: three left unowned, below the cap of 4; hers are 3.
    await db.prisma.chat.updateMany({ where: { id: { in: [order.fbo48, order.onTheWay, order.unknown3] as string[] } }, data: { assigneeId: anna.id } });
    expect(await countQueueViews(db.prisma, accountId, anna.id, now, 4)).toEqual({ needsReply: 4, mine: 3, unassigned: 3, cap: 4 });
    expect(await countQueueViews(db.prisma, accountId, anna.id, now, 3)).toEqual({ needsReply: 3, mine: 3, unassigned: 3, cap: 3 });
    expect(await countQueueViews(db.prisma, accountId, anna.id, now)).toEqual({ needsReply: 6, mine: 3, unassigned: 3, cap: 1000 });
  });

  it("keyset pages of every size give the same order, across the boundary between deadlines and none", async () => {
    for (const limit of [1, 2, 3, 4, 5]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const page = await listQueueChats(db.prisma, accountId, anna.id, { view: "needs_reply", limit, cursor }, now);
        seen.push(...page.chats.map((c) => c.id));
        if (page.nextCursor === null) break;
        cursor = page.nextCursor;
      }
      expect(seen, `limit ${limit}`).toEqual(expected());
    }
  });

  it("a deadline passing between two pages takes its chat out, the rest keep their order", async () => {
    const first = await listQueueChats(db.prisma, accountId, anna.id, { view: "needs_reply", limit: 1 }, now);
    expect(first.chats.map((c) => c.id)).toEqual([order.fbs72]);
    const later = new Date(now.getTime() + 1.25 * HOUR); // past the FBO chat's 48 h too
    const rest = await listQueueChats(db.prisma, accountId, anna.id, { view: "needs_reply", limit: 10, cursor: first.nextCursor! }, later);
    expect(rest.chats.map((c) => c.id)).toEqual([order.fbsLate, order.onTheWay, order.unknown5, order.unknown3]);
    expect((await countQueueViews(db.prisma, accountId, anna.id, later)).needsReply).toBe(4);
  });

  it("Unassigned: the unowned part in the same order, by pages", async () => {
    await assignChat(db.prisma, { accountId, chatId: order.fbo48! }, anna, { assigneeId: anna.id });
    await assignChat(db.prisma, { accountId, chatId: order.unknown5! }, anna, { assigneeId: anna.id });
    const first = await listQueueChats(db.prisma, accountId, anna.id, { view: "unassigned", limit: 2 }, now);
    const second = await listQueueChats(db.prisma, accountId, anna.id, { view: "unassigned", limit: 2, cursor: first.nextCursor! }, now);
    expect([...first.chats, ...second.chats].map((c) => c.id)).toEqual([order.fbs72, order.fbsLate, order.onTheWay, order.unknown3]);
    expect(second.nextCursor).toBeNull();
    expect(await countQueueViews(db.prisma, accountId, anna.id, now)).toEqual({ needsReply: 6, mine: 2, unassigned: 4, cap: 1000 });
    // A cursor of another shape (the list's, or made up) is refused as bad input.
    const listCursor = Buffer.from(JSON.stringify({ t: now.toISOString(), id: "x" })).toString("base64url");
    await expect(listQueueChats(db.prisma, accountId, anna.id, { view: "unassigned", cursor: listCursor }, now)).rejects.toMatchObject({ code: "cursor_invalid" });
  });
});
