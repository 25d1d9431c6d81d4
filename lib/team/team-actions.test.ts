import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { createTestUser, type TestUser } from "@/lib/auth/testing";
import { forEachDatabase } from "@/lib/db/testing";
import { AppError } from "@/lib/errors/app-error";
import { createLiveTestChat } from "@/lib/live/test-helpers";
import { storeMessages } from "@/lib/cache/store-messages";
import { closeOtherSessions, message } from "@/lib/cache/test-helpers";

import { addChatNote } from "./add-chat-note";
import { applyBulkAction } from "./apply-bulk-action";
import { assignChat } from "./assign-chat";
import { countQueueViews } from "./count-queue-views";
import { listChatActivities } from "./list-chat-activities";
import { listChatViewers } from "./list-chat-viewers";
import { listQueueChats } from "./list-queue-chats";
import { recordPresence, PRESENCE_TTL_MS } from "./record-presence";
import { releaseUserChats } from "./release-user-chats";
import { setChatStatus } from "./set-chat-status";
import { wakeSnoozedChats } from "./wake-snoozed-chats";

const HOUR = 3_600_000;

forEachDatabase("the team's actions on chats", (db) => {
  afterAll(() => closeOtherSessions(db));
  let accountId: string;
  let chatId: string;
  let anna: TestUser;
  let boris: TestUser;
  let admin: TestUser;

  beforeEach(async () => {
    await db.reset();
    ({ accountId, chatId } = await createLiveTestChat(db.prisma));
    anna = await createTestUser(db, { accountIds: [accountId], name: "Anna" });
    boris = await createTestUser(db, { accountIds: [accountId], name: "Борис" });
    admin = await createTestUser(db, { role: "ADMIN", name: "Admin" });
  });

  const target = () => ({ accountId, chatId });
  const owner = async () => (await db.prisma.chat.findUniqueOrThrow({ where: { id: chatId } })).assigneeId;
  const liveEvents = async () => (await db.prisma.liveEvent.findMany({ orderBy: { id: "asc" } })).map((e) => e.payload as { kind: string; chat: { assigneeId: string | null; workStatus: string }; activity: { kind: string; actor: { id: string } | null } | null });

  describe("ownership: only the owner or an administrator reassigns someone else's chat", () => {
    it("an agent takes an unassigned chat; a colleague can neither take nor unassign it; the owner and an admin can", async () => {
      await assignChat(db.prisma, target(), anna, { assigneeId: anna.id });
      expect(await owner()).toBe(anna.id);
      await expect(assignChat(db.prisma, target(), boris, { assigneeId: boris.id })).rejects.toMatchObject({ code: "chat_owned_by_other" });
      await expect(assignChat(db.prisma, target(), boris, { assigneeId: null })).rejects.toMatchObject({ code: "chat_owned_by_other" });
      expect(await owner()).toBe(anna.id);
      await assignChat(db.prisma, target(), anna, { assigneeId: boris.id }); // the owner hands it over
      expect(await owner()).toBe(boris.id);
      await assignChat(db.prisma, target(), admin, { assigneeId: anna.id }); // an administrator reassigns
      expect(await owner()).toBe(anna.id);
      await assignChat(db.prisma, target(), anna, { assigneeId: null });
      expect(await owner()).toBeNull();

      const { activities } = await listChatActivities(db.prisma, accountId, chatId);
      expect(activities.map((a) => [a.kind, a.actor?.id, a.assigneeId, a.automatic])).toEqual([
        ["assigned", anna.id, anna.id, false],
        ["assigned", anna.id, boris.id, false],
        ["assigned", admin.id, anna.id, false],
        ["unassigned", anna.id, null, false],
      ]);
      // Every action reached the live stream, with the chat as it then was and the trail's line.
      const events = (await liveEvents()).filter((e) => e.kind === "team");
      expect(events.map((e) => [e.chat.assigneeId, e.activity?.kind, e.activity?.actor?.id])).toEqual([
        [anna.id, "assigned", anna.id],
        [boris.id, "assigned", anna.id],
        [anna.id, "assigned", admin.id],
        [null, "unassigned", anna.id],
      ]);
    });

    it("refuses an assignee who does not work the account or is deactivated", async () => {
      const outsider = await createTestUser(db, { name: "Outsider" });
      const gone = await createTestUser(db, { accountIds: [accountId], active: false });
      await expect(assignChat(db.prisma, target(), anna, { assigneeId: outsider.id })).rejects.toMatchObject({ code: "assignee_invalid" });
      await expect(assignChat(db.prisma, target(), anna, { assigneeId: gone.id })).rejects.toMatchObject({ code: "assignee_invalid" });
      expect(await owner()).toBeNull();
    });

    it("two agents taking one chat at once: exactly one owns it", async () => {
      const results = await Promise.allSettled([
        assignChat(db.prisma, target(), anna, { assigneeId: anna.id }),
        assignChat(db.prisma, target(), boris, { assigneeId: boris.id }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(AppError);
      expect(["chat_owned_by_other", "chat_owner_changed"]).toContain(refused.reason.code);
      expect(await db.prisma.chatActivity.count()).toBe(1);
    });

    it("a deactivated owner's chats, and those of an account they no longer work, go back to the pool", async () => {
      const other = await createLiveTestChat(db.prisma);
      await db.prisma.accountMembership.create({ data: { userId: anna.id, accountId: other.accountId } });
      await assignChat(db.prisma, target(), anna, { assigneeId: anna.id });
      await assignChat(db.prisma, { accountId: other.accountId, chatId: other.chatId }, anna, { assigneeId: anna.id });
      await db.prisma.accountMembership.delete({ where: { userId_accountId: { userId: anna.id, accountId: other.accountId } } });
      expect(await releaseUserChats(db.prisma, anna.id)).toBe(1);
      expect((await db.prisma.chat.findUniqueOrThrow({ where: { id: other.chatId } })).assigneeId).toBeNull();
      expect(await owner()).toBe(anna.id);
      await db.prisma.user.update({ where: { id: anna.id }, data: { active: false } });
      expect(await releaseUserChats(db.prisma, anna.id)).toBe(1);
      expect(await owner()).toBeNull();
      const last = (await listChatActivities(db.prisma, accountId, chatId)).activities.at(-1)!;
      expect(last).toMatchObject({ kind: "unassigned", actor: null });
    });
  });

  describe("our statuses", () => {
    it("snoozed until a time: back to OPEN at that time (the tick, with the clock moved), recorded by the system", async () => {
      const now = new Date();
      await expect(setChatStatus(db.prisma, target(), anna, { status: "SNOOZED" }, now)).rejects.toMatchObject({ code: "snooze_end_missing" });
      await expect(setChatStatus(db.prisma, target(), anna, { status: "SNOOZED", snoozedUntil: new Date(now.getTime() - 1).toISOString() }, now)).rejects.toMatchObject({ code: "snooze_in_past" });
      const until = new Date(now.getTime() + 2 * HOUR);
      await setChatStatus(db.prisma, target(), anna, { status: "SNOOZED", snoozedUntil: until.toISOString() }, now);
      expect(await wakeSnoozedChats(db.prisma, new Date(now.getTime() + HOUR))).toBe(0);
      expect(await wakeSnoozedChats(db.prisma, new Date(until.getTime() + 1))).toBe(1);
      const chat = await db.prisma.chat.findUniqueOrThrow({ where: { id: chatId } });
      expect(chat).toMatchObject({ workStatus: "OPEN", snoozedUntil: null });
      const trail = (await listChatActivities(db.prisma, accountId, chatId)).activities;
      expect(trail.map((a) => [a.status, a.actor?.id ?? null])).toEqual([
        ["SNOOZED", anna.id],
        ["OPEN", null],
      ]);
      expect((await liveEvents()).filter((e) => e.kind === "team").map((e) => e.chat.workStatus)).toEqual(["SNOOZED", "OPEN"]);
    });

    it("snoozed or resolved: back to OPEN when the buyer writes; our reply makes it WAITING", async () => {
      const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
      await setChatStatus(db.prisma, target(), anna, { status: "SNOOZED", snoozedUntil: later(600) });
      await storeMessages(db.prisma, { id: chatId }, [message("9100000000000000001", { createdAt: later(1) })]);
      expect(await db.prisma.chat.findUniqueOrThrow({ where: { id: chatId } })).toMatchObject({ workStatus: "OPEN", snoozedUntil: null });
      await storeMessages(db.prisma, { id: chatId }, [message("9100000000000000002", { createdAt: later(2), user: { id: "1", type: "seller", rawType: "Seller" } })]);
      expect(await db.prisma.chat.findUniqueOrThrow({ where: { id: chatId } })).toMatchObject({ workStatus: "WAITING", awaitingSince: null });
      await setChatStatus(db.prisma, target(), anna, { status: "RESOLVED" });
      // Ozon's notice in the chat is not the buyer writing.
      await storeMessages(db.prisma, { id: chatId }, [message("9100000000000000003", { createdAt: later(3), user: { id: "o3", type: "notification", rawType: "NotificationUser" } })]);
      expect(await db.prisma.chat.findUniqueOrThrow({ where: { id: chatId } })).toMatchObject({ workStatus: "RESOLVED", awaitingSince: null });
      const written = later(4);
      await storeMessages(db.prisma, { id: chatId }, [message("9100000000000000004", { createdAt: written })]);
      const chat = await db.prisma.chat.findUniqueOrThrow({ where: { id: chatId } });
      expect(chat.workStatus).toBe("OPEN");
      expect(chat.awaitingSince?.toISOString()).toBe(written);
    });
  });

  it("a private note with a mention: in the trail with the mentioned agents, and on the live stream", async () => {
    const { mentions } = await addChatNote(db.prisma, target(), anna, { text: "@Борис, проверь возврат" });
    expect(mentions).toEqual([boris.id]);
    const [note] = (await listChatActivities(db.prisma, accountId, chatId)).activities;
    expect(note).toMatchObject({ kind: "note", text: "@Борис, проверь возврат", mentions: [boris.id], actor: { id: anna.id } });
    expect((await liveEvents()).at(-1)).toMatchObject({ kind: "team", activity: { kind: "note" } });
    await expect(addChatNote(db.prisma, target(), anna, { text: "   " })).rejects.toThrow();
  });

  it("bulk: one refused chat does not stop the others, and each reports how it went", async () => {
    const second = await createLiveTestChat(db.prisma, { accountId });
    await assignChat(db.prisma, { accountId, chatId: second.chatId }, boris, { assigneeId: boris.id });
    const { results } = await applyBulkAction(db.prisma, accountId, anna, { action: "assign", chatIds: [chatId, second.chatId, "missing"], assigneeId: anna.id }, async () => {
      throw new Error("no Ozon call expected");
    });
    expect(results).toMatchObject([{ chatId, ok: true }, { ok: false, error: { code: "chat_owned_by_other" } }, { ok: false, error: { code: "chat_not_found" } }]);
    const resolved = await applyBulkAction(db.prisma, accountId, anna, { action: "resolve", chatIds: [chatId, second.chatId] }, async () => {
      throw new Error("no Ozon call expected");
    });
    expect(resolved.results.every((r) => r.ok)).toBe(true);
  });

  it("presence: viewing and typing with an expiry, an event only when who is there or who types changes", async () => {
    const now = new Date();
    const presenceEvents = async () => (await liveEvents()).filter((e) => (e as { kind: string }).kind === "presence").length;
    expect((await recordPresence(db.prisma, target(), anna.id, { state: "view" }, now)).viewers.map((v) => v.userId)).toEqual([anna.id]);
    await recordPresence(db.prisma, target(), anna.id, { state: "view" }, new Date(now.getTime() + 1000)); // a heartbeat
    expect(await presenceEvents()).toBe(1);
    const both = await recordPresence(db.prisma, target(), boris.id, { state: "typing" }, now);
    expect(both.viewers.map((v) => `${v.userId}:${v.typingUntil !== null}`).sort()).toEqual([`${anna.id}:false`, `${boris.id}:true`].sort());
    expect(await presenceEvents()).toBe(2);
    // Anna's tab vanished: after the expiry only Boris counts (a new heartbeat of his reads it).
    const later = new Date(now.getTime() + PRESENCE_TTL_MS + 2000);
    expect((await recordPresence(db.prisma, target(), boris.id, { state: "view" }, later)).viewers.map((v) => v.userId)).toEqual([boris.id]);
    await recordPresence(db.prisma, target(), boris.id, { state: "leave" }, later);
    expect(await db.prisma.chatPresence.count({ where: { userId: boris.id } })).toBe(0);
  });

  it("presence is read again without recording any (a tab whose stream reopened): who views, typing while it lasts", async () => {
    const now = new Date();
    await recordPresence(db.prisma, target(), anna.id, { state: "typing" }, now);
    await recordPresence(db.prisma, target(), boris.id, { state: "view" }, now);
    const read = await listChatViewers(db.prisma, target(), now);
    expect(read.viewers.map((v) => `${v.name}:${v.typingUntil !== null}`).sort()).toEqual(["Anna:true", "Борис:false"]);
    // After the typing's expiry Anna still views; after the viewing's, nobody is listed; nothing was written by reading.
    const afterTyping = await listChatViewers(db.prisma, target(), new Date(now.getTime() + 10_000));
    expect(afterTyping.viewers.map((v) => `${v.name}:${v.typingUntil !== null}`).sort()).toEqual(["Anna:false", "Борис:false"]);
    expect((await listChatViewers(db.prisma, target(), new Date(now.getTime() + PRESENCE_TTL_MS + 1000))).viewers).toEqual([]);
    expect(await db.prisma.chatPresence.count()).toBe(2);
    // Another account's chat id is not found through this account.
    await expect(listChatViewers(db.prisma, { accountId: (await createLiveTestChat(db.prisma)).accountId, chatId })).rejects.toThrow();
  });

  describe("the queue", () => {
    /** Chats whose buyers wrote `hoursAgo` and await a reply. */
    async function awaiting(hoursAgo: number[]) {
      const ids: string[] = [];
      for (const h of hoursAgo) {
        const at = new Date(Date.now() - h * HOUR);
        const chat = await createLiveTestChat(db.prisma, { accountId, lastMessageAt: at });
        await db.prisma.chat.update({ where: { id: chat.chatId }, data: { awaitingSince: at } });
        ids.push(chat.chatId);
      }
      return ids;
    }

    it("Needs reply: longest waiting first, by keyset pages; Unassigned: its unowned part; Mine: mine, not resolved; counts in one call", async () => {
      const [w5, w1, w30, w2] = await awaiting([5, 1, 30, 2]);
      await assignChat(db.prisma, { accountId, chatId: w30! }, anna, { assigneeId: anna.id });
      await assignChat(db.prisma, { accountId, chatId: w1! }, boris, { assigneeId: boris.id });
      await setChatStatus(db.prisma, { accountId, chatId: w2! }, anna, { status: "RESOLVED" });
      await assignChat(db.prisma, { accountId, chatId: w2! }, anna, { assigneeId: anna.id });

      const first = await listQueueChats(db.prisma, accountId, anna.id, { view: "needs_reply", limit: 2 });
      expect(first.chats.map((c) => c.id)).toEqual([w30, w5]);
      const second = await listQueueChats(db.prisma, accountId, anna.id, { view: "needs_reply", limit: 2, cursor: first.nextCursor! });
      expect(second.chats.map((c) => c.id)).toEqual([w1]);
      expect(second.nextCursor).toBeNull();

      expect((await listQueueChats(db.prisma, accountId, anna.id, { view: "unassigned" })).chats.map((c) => c.id)).toEqual([w5]);
      expect((await listQueueChats(db.prisma, accountId, anna.id, { view: "mine" })).chats.map((c) => c.id)).toEqual([w30]);
      expect(await countQueueViews(db.prisma, accountId, anna.id)).toEqual({ needsReply: 3, mine: 1, unassigned: 1, cap: 1000 });
      expect(await countQueueViews(db.prisma, accountId, boris.id)).toEqual({ needsReply: 3, mine: 1, unassigned: 1, cap: 1000 });
      await expect(listQueueChats(db.prisma, accountId, anna.id, { view: "needs_reply", cursor: "nonsense" })).rejects.toMatchObject({ code: "cursor_invalid" });
      // The first chat of the account (createLiveTestChat in beforeEach) does not await: never in the queue.
      expect(first.chats.concat(second.chats).some((c) => c.id === chatId)).toBe(false);
    });
  });
});
