import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";

import { createTestUser } from "@/lib/auth/testing";
import { sendChatMessage } from "@/lib/chats/send-chat-message";
import { createEmulatorAccount } from "@/lib/chats/test-helpers";
import { forEachDatabase } from "@/lib/db/testing";
import { normalizeUserType, sendMessage } from "@/lib/ozon";
import type { PushChatEvent } from "@/lib/push/parse-push-payload";
import { processPushEvents } from "@/lib/push/process-push-events";
import { pushDedupeKey } from "@/lib/push/push-dedupe-key";
import { queueBuyerMessagePush } from "@/lib/push/test-helpers";
import { pushProcessingSettled } from "@/lib/push/start-push-processing";
import { syncAccountNow } from "@/lib/sync/sync-account-now";
import { closeOtherSessions } from "@/lib/cache/test-helpers";
import { withEmulator } from "@/lib/testing/with-emulator";

const emulator = withEmulator({ rateLimit: 0 });

type EmulatorChat = Awaited<ReturnType<typeof emulator.control.state>>["chats"][number];

const authorOf = (m: EmulatorChat["messages"][number]) => normalizeUserType(m.user.type);

/**
 * The rule, computed independently from Ozon's own state: in an open buyer chat, the buyer's first message after
 * our last reply (its id: the emulator dates its messages relative to its moving clock).
 */
function expectedFirstUnanswered(chat: EmulatorChat): string | null {
  if (!chat.chat_type.toUpperCase().startsWith("BUYER_SELLER") || chat.chat_status !== "OPENED") return null;
  const messages = [...chat.messages].sort((a, b) => (BigInt(a.message_id) < BigInt(b.message_id) ? -1 : 1));
  const lastReply = messages.findLastIndex((m) => authorOf(m) === "seller");
  const unanswered = messages.slice(lastReply + 1).filter((m) => authorOf(m) === "customer");
  return unanswered[0]?.message_id ?? null;
}

forEachDatabase("awaiting a reply (kept by the cache writers)", (db) => {
  let accountId: string;
  const connection = () => emulator.connection({ retry: { maxAttempts: 1 } });
  afterAll(() => closeOtherSessions(db));
  beforeEach(async () => {
    await db.reset();
    accountId = await createEmulatorAccount(db.prisma);
    await syncAccountNow(db.prisma, accountId, connection());
  });
  afterEach(() => pushProcessingSettled());

  const cached = (ozonChatId: string) => db.prisma.chat.findFirstOrThrow({ where: { accountId, ozonChatId } });

  /** A buyer chat Ozon lets the seller write to (a paid FBS posting not delivered yet), with the buyer writing last. */
  async function awaitingWritableChat() {
    const state = await emulator.control.state();
    const posting = state.postings.find(
      (p) => p.delivery_schema !== "FBO" && ["awaiting_packaging", "awaiting_deliver"].includes(String(p.status)) && p.chat_id,
    )!;
    await emulator.control.buyerMessage({ chat_id: String(posting.chat_id), text: "Когда отправите?" });
    await syncAccountNow(db.prisma, accountId, connection());
    const chat = await cached(String(posting.chat_id));
    expect(chat.awaitingSince).not.toBeNull();
    expect(chat.workStatus).toBe("OPEN");
    return chat;
  }

  it("after an import, exactly the open buyer chats whose buyer wrote last await, since their first unanswered message", async () => {
    const state = await emulator.control.state();
    const rows = await db.prisma.chat.findMany({ where: { accountId } });
    const byOzonId = new Map(rows.map((r) => [r.ozonChatId, r]));
    let awaiting = 0;
    let answered = 0;
    for (const chat of state.chats) {
      const firstUnanswered = expectedFirstUnanswered(chat);
      const row = byOzonId.get(chat.chat_id)!;
      const expected = firstUnanswered
        ? (await db.prisma.message.findFirstOrThrow({ where: { chatId: row.id, ozonMessageId: BigInt(firstUnanswered) } })).createdAt.toISOString()
        : null;
      expect({ chat: chat.chat_id, awaitingSince: row.awaitingSince?.toISOString() ?? null }).toEqual({ chat: chat.chat_id, awaitingSince: expected });
      if (expected) awaiting++;
      else if (chat.messages.some((m) => authorOf(m) === "seller")) {
        answered++;
        // Answered last by us: the ball is with the buyer.
        if (authorOf(chat.messages.at(-1)!) === "seller") expect(row.workStatus).toBe("WAITING");
      }
    }
    // The seeded shop has both kinds, so the comparison above proves something.
    expect(awaiting).toBeGreaterThan(0);
    expect(answered).toBeGreaterThan(0);
  });

  it("a buyer's message by push makes an answered chat await and reopens it when it was resolved", async () => {
    const state = await emulator.control.state();
    const answered = state.chats.find((c) => c.chat_status === "OPENED" && c.chat_type === "BUYER_SELLER" && c.messages.length > 0 && authorOf(c.messages.at(-1)!) === "seller")!;
    await db.prisma.chat.update({ where: { id: (await cached(answered.chat_id)).id }, data: { workStatus: "RESOLVED" } });
    const { sent } = await queueBuyerMessagePush(db.prisma, emulator.control, { accountId, chatId: answered.chat_id, text: "Ещё вопрос" });
    await processPushEvents(db.prisma, accountId, { getConnection: async () => connection() });

    const chat = await cached(answered.chat_id);
    expect(chat.awaitingSince?.toISOString()).toBe(new Date(sent.created_at).toISOString());
    expect(chat.workStatus).toBe("OPEN");
    const trail = await db.prisma.chatActivity.findMany({ where: { chatId: chat.id } });
    expect(trail).toMatchObject([{ kind: "status", status: "OPEN", actorId: null }]);
  });

  it("our send answers: the chat no longer awaits and waits on the buyer", async () => {
    const chat = await awaitingWritableChat();
    const agent = await createTestUser(db, { accountIds: [accountId] });
    const outcome = await sendChatMessage(db.prisma, connection(), { accountId, chatId: chat.id, userId: agent.id }, { clientId: "c1", text: "Завтра" });
    expect(outcome.outbox.state).toBe("SENT");
    const after = await cached(chat.ozonChatId);
    expect(after.awaitingSince).toBeNull();
    expect(after.workStatus).toBe("WAITING");
  });

  it("a reply written in Ozon's portal, seen by the sync, answers too", async () => {
    const chat = await awaitingWritableChat();
    await sendMessage(connection(), { chatId: chat.ozonChatId, text: "Ответ из кабинета Ozon" });
    expect((await cached(chat.ozonChatId)).awaitingSince).not.toBeNull(); // not seen yet
    await syncAccountNow(db.prisma, accountId, connection());
    const after = await cached(chat.ozonChatId);
    expect(after.awaitingSince).toBeNull();
    expect(after.workStatus).toBe("WAITING");
  });

  describe("a chat Ozon closed", () => {
    it("awaits no reply, seen by a full pass of the sync", async () => {
      const chat = await awaitingWritableChat();
      await emulator.control.closeChat(chat.ozonChatId);
      await syncAccountNow(db.prisma, accountId, connection(), { full: true });
      const after = await cached(chat.ozonChatId);
      expect(after.status).toBe("CLOSED");
      expect(after.awaitingSince).toBeNull();
    });

    it("awaits no reply, seen by Ozon's push", async () => {
      const chat = await awaitingWritableChat();
      await emulator.control.closeChat(chat.ozonChatId);
      const event: PushChatEvent = { message_type: "TYPE_CHAT_CLOSED", chat_id: chat.ozonChatId, chat_type: "Buyer_Seller", user: { id: "1", type: "Customer" } } as PushChatEvent;
      await db.prisma.pushEvent.create({ data: { accountId, dedupeKey: pushDedupeKey(event), messageType: event.message_type, payload: event } });
      await processPushEvents(db.prisma, accountId, { getConnection: async () => connection() });
      const after = await cached(chat.ozonChatId);
      expect(after.status).toBe("CLOSED");
      expect(after.awaitingSince).toBeNull();
    });
  });
});
