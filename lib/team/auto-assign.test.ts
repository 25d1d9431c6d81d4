import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { createTestUser, type TestUser } from "@/lib/auth/testing";
import { refreshReplyState } from "@/lib/cache/refresh-reply-state";
import { storeMessages } from "@/lib/cache/store-messages";
import { closeOtherSessions, message } from "@/lib/cache/test-helpers";
import { forEachDatabase } from "@/lib/db/testing";
import { createLiveTestChat } from "@/lib/live/test-helpers";

import { assignChat } from "./assign-chat";
import { autoAssignChats } from "./auto-assign-chats";
import { recordUserOnline } from "./record-user-online";
import { releaseUserChats } from "./release-user-chats";
import { setChatStatus } from "./set-chat-status";
import { updateAutoAssignSettings } from "./update-auto-assign-settings";

const MINUTE = 60_000;

forEachDatabase("automatic assignment", (db) => {
  afterAll(() => closeOtherSessions(db));
  let accountId: string;
  let anna: TestUser;
  let boris: TestUser;
  let carl: TestUser;
  const now = new Date();

  beforeEach(async () => {
    await db.reset();
    ({ accountId } = await createLiveTestChat(db.prisma));
    await updateAutoAssignSettings(db.prisma, accountId, { enabled: true, cap: 8 });
    anna = await createTestUser(db, { accountIds: [accountId], name: "Anna" });
    boris = await createTestUser(db, { accountIds: [accountId], name: "Boris" });
    carl = await createTestUser(db, { accountIds: [accountId], name: "Carl" });
    // Anna and Boris have the inbox open; Carl's last tab closed a while ago.
    await recordUserOnline(db.prisma, anna.id, new Date(now.getTime() + MINUTE));
    await recordUserOnline(db.prisma, boris.id, new Date(now.getTime() + MINUTE));
    await recordUserOnline(db.prisma, carl.id, new Date(now.getTime() - MINUTE));
  });

  /** `n` new buyer chats awaiting a reply, as the cache writers leave them (refreshReplyState after the message). */
  async function newChats(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const { chatId } = await createLiveTestChat(db.prisma, { accountId, lastMessageAt: new Date(now.getTime() - (n - i) * 1000) });
      await refreshReplyState(db.prisma, chatId);
      ids.push(chatId);
    }
    return ids;
  }
  const owners = async (ids: string[]) =>
    (await db.prisma.chat.findMany({ where: { id: { in: ids } }, select: { assigneeId: true } })).map((c) => c.assigneeId);
  const countOf = (list: (string | null)[], id: string | null) => list.filter((x) => x === id).length;

  it("20 new chats: spread in turn between the 2 online agents up to the cap, none to the offline one; the rest wait for room", async () => {
    const ids = await newChats(20);
    expect(await db.prisma.chat.count({ where: { autoAssignPending: true } })).toBe(20);
    expect(await autoAssignChats(db.prisma, now)).toBe(16);
    const after = await owners(ids);
    expect([countOf(after, anna.id), countOf(after, boris.id), countOf(after, carl.id), countOf(after, null)]).toEqual([8, 8, 0, 4]);
    // In turn: the oldest waiting chats alternate between the two.
    const trail = await db.prisma.chatActivity.findMany({ where: { kind: "assigned" }, orderBy: { id: "asc" }, select: { assigneeId: true, actorId: true, automatic: true } });
    for (let i = 1; i < trail.length; i++) expect(trail[i]!.assigneeId).not.toBe(trail[i - 1]!.assigneeId);
    // By the system, and said to be automatic.
    expect(trail.every((a) => a.actorId === null && a.automatic)).toBe(true);
    // Every assignment reached the live stream, saying it was automatic.
    const events = await db.prisma.liveEvent.findMany({ select: { payload: true } });
    expect(events).toHaveLength(16);
    for (const { payload } of events) expect(payload).toMatchObject({ kind: "team", activity: { kind: "assigned", actor: null, automatic: true } });

    // Nothing changes while nobody has room.
    expect(await autoAssignChats(db.prisma, now)).toBe(0);
    // Anna answers one of hers (WAITING on the buyer): room for one more, hers.
    const annas = ids.filter((_, i) => after[i] === anna.id);
    await storeMessages(db.prisma, { id: annas[0]! }, [message("9100000000000000001", { createdAt: new Date(now.getTime() + 1000).toISOString(), user: { id: "1", type: "seller", rawType: "Seller" } })]);
    expect(await autoAssignChats(db.prisma, now)).toBe(1);
    expect(countOf(await owners(ids), anna.id)).toBe(9); // 8 OPEN and the answered one
    // Carl comes online: the 3 still waiting are his (the cap is per agent).
    await recordUserOnline(db.prisma, carl.id, new Date(now.getTime() + MINUTE));
    expect(await autoAssignChats(db.prisma, now)).toBe(3);
    expect(countOf(await owners(ids), null)).toBe(0);
    expect(await db.prisma.chat.count({ where: { autoAssignPending: true } })).toBe(0);
  });

  it("caps hold with two assigners at once (two instances), and no chat is assigned twice", async () => {
    await updateAutoAssignSettings(db.prisma, accountId, { cap: 5 });
    const ids = await newChats(14);
    const [a, b] = await Promise.all([autoAssignChats(db.prisma, now), autoAssignChats(db.prisma, now)]);
    expect(a + b).toBe(10);
    const after = await owners(ids);
    expect([countOf(after, anna.id), countOf(after, boris.id), countOf(after, null)]).toEqual([5, 5, 4]);
    // One trail line per assigned chat.
    expect(await db.prisma.chatActivity.count({ where: { kind: "assigned" } })).toBe(10);
    expect(new Set((await db.prisma.chatActivity.findMany({ where: { kind: "assigned" } })).map((x) => x.chatId)).size).toBe(10);
  });

  describe("what is left alone", () => {
    it("a chat someone assigned or put back meanwhile, a resolved one, and every chat of an account with the option off", async () => {
      const [taken, putBack, resolved, plain] = await newChats(4);
      await assignChat(db.prisma, { accountId, chatId: taken! }, anna, { assigneeId: carl.id });
      await assignChat(db.prisma, { accountId, chatId: putBack! }, anna, { assigneeId: anna.id });
      await assignChat(db.prisma, { accountId, chatId: putBack! }, anna, { assigneeId: null });
      await setChatStatus(db.prisma, { accountId, chatId: resolved! }, anna, { status: "RESOLVED" });
      expect(await autoAssignChats(db.prisma, now)).toBe(1);
      expect(await owners([taken!, putBack!, resolved!])).toEqual(expect.arrayContaining([carl.id, null, null]));
      expect((await db.prisma.chat.findUniqueOrThrow({ where: { id: plain! } })).assigneeId).not.toBeNull();
      expect(await db.prisma.chat.count({ where: { autoAssignPending: true } })).toBe(0);

      await updateAutoAssignSettings(db.prisma, accountId, { enabled: false });
      const [off] = await newChats(1);
      expect(await autoAssignChats(db.prisma, now)).toBe(0);
      expect((await db.prisma.chat.findUniqueOrThrow({ where: { id: off! } })).assigneeId).toBeNull();
    });

    it("a deactivated owner's awaiting chats go back to the pool and on to the next online agent", async () => {
      const ids = await newChats(2);
      await autoAssignChats(db.prisma, now);
      expect([...(await owners(ids))].sort()).toEqual([anna.id, boris.id].sort());
      await db.prisma.user.update({ where: { id: anna.id }, data: { active: false } });
      expect(await releaseUserChats(db.prisma, anna.id)).toBe(1);
      expect(await autoAssignChats(db.prisma, now)).toBe(1);
      expect(await owners(ids)).toEqual([boris.id, boris.id]);
    });
  });

  it("online: the latest of a user's tabs counts", async () => {
    await recordUserOnline(db.prisma, anna.id, new Date(now.getTime() + 5 * MINUTE));
    await recordUserOnline(db.prisma, anna.id, new Date(now.getTime() + 2 * MINUTE));
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: anna.id } })).onlineUntil?.getTime()).toBe(now.getTime() + 5 * MINUTE);
  });
});
