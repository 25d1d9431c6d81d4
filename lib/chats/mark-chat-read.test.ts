import { beforeEach, expect, it } from "vitest";
import { forEachDatabase } from "@/lib/db/testing";
import { withEmulator } from "@/lib/testing/with-emulator";
import { markChatRead, markChatReadResponseSchema } from "./mark-chat-read";
import { sumAccountUnread } from "@/lib/cache/sum-account-unread";
import { resetToCachedDemoAccount } from "./test-helpers";
import type { LiveEvent } from "@/lib/live/live-event";

// Without the rate limit: sends are never retried on a 429.
const emulator = withEmulator({ rateLimit: 0 });

forEachDatabase("marking a chat read", (db) => {
  let accountId: string;
  const ozon = emulator.control;
  const connection = emulator.connection;

  beforeEach(async () => {
    accountId = await resetToCachedDemoAccount(db, connection(), { messages: true });
  });

  async function ozonChat(ozonChatId: string) {
    return (await ozon.state()).chats.find((c) => c.chat_id === ozonChatId)!;
  }

  it("marks Ozon first, then the cache, up to the message; the totals drop at once and a repeat changes nothing", async () => {
    const chat = await db.prisma.chat.findFirstOrThrow({ where: { accountId, unreadCount: { gte: 3 } }, orderBy: { id: "asc" } });
    const unread = await db.prisma.message.findMany({ where: { chatId: chat.id, isRead: false }, orderBy: { ozonMessageId: "asc" } });
    expect(unread.length).toBe(chat.unreadCount);
    const totalBefore = await sumAccountUnread(db.prisma, accountId);
    const upTo = unread[1]!.ozonMessageId.toString();

    const result = await markChatRead(db.prisma, connection(), { accountId, chatId: chat.id }, { messageId: upTo });
    expect(result).toEqual({ chatId: chat.id, unreadCount: chat.unreadCount - 2, totalUnread: totalBefore - 2 });
    expect(markChatReadResponseSchema.parse(result)).toEqual(result);

    const onOzon = await ozonChat(chat.ozonChatId);
    expect(onOzon.unread_count).toBe(chat.unreadCount - 2);
    expect(onOzon.messages.filter((m) => BigInt(m.message_id) <= BigInt(upTo)).every((m) => m.is_read)).toBe(true);
    const cached = await db.prisma.chat.findUniqueOrThrow({ where: { id: chat.id } });
    expect(cached.unreadCount).toBe(chat.unreadCount - 2);
    expect(cached.firstUnreadMessageId).toBe(unread[2]!.ozonMessageId);
    expect(await db.prisma.message.count({ where: { chatId: chat.id, isRead: false } })).toBe(chat.unreadCount - 2);

    await ozon.resetCalls();
    const again = await markChatRead(db.prisma, connection(), { accountId, chatId: chat.id }, { messageId: upTo });
    expect(again).toEqual(result);
    // Already read that far: answered from the cache (many tabs mark each new message read as it appears).
    expect((await ozon.calls()).total).toBe(0);

    const all = await markChatRead(db.prisma, connection(), { accountId, chatId: chat.id }, {});
    expect(all).toEqual({ chatId: chat.id, unreadCount: 0, totalUnread: totalBefore - chat.unreadCount });
    expect((await ozonChat(chat.ozonChatId)).unread_count).toBe(0);
    expect((await db.prisma.chat.findUniqueOrThrow({ where: { id: chat.id } })).firstUnreadMessageId).toBe(0n);
  });

  it("publishes the chat with its badge at 0 and the account's total", async () => {
    const chat = await db.prisma.chat.findFirstOrThrow({ where: { accountId, unreadCount: { gt: 0 } } });
    await db.prisma.liveEvent.deleteMany();
    const answer = await markChatRead(db.prisma, connection(), { accountId, chatId: chat.id }, {});
    const published = (await db.prisma.liveEvent.findMany({ orderBy: { id: "asc" } })).map((row) => row.payload as unknown as LiveEvent);
    expect(published).toEqual([
      expect.objectContaining({ kind: "chat", chat: expect.objectContaining({ id: chat.id, unreadCount: 0 }), totalUnread: answer.totalUnread }),
    ]);
  });

  it("answers not-found for another account's chat without touching Ozon", async () => {
    const chat = await db.prisma.chat.findFirstOrThrow({ where: { accountId, unreadCount: { gt: 0 } } });
    const other = await db.prisma.sellerAccount.create({
      data: { name: "Other", clientId: "other", apiKeyCiphertext: new Uint8Array([1]), apiKeyLast4: "xxxx" },
    });
    await ozon.resetCalls();
    await expect(markChatRead(db.prisma, connection(), { accountId: other.id, chatId: chat.id }, {})).rejects.toMatchObject({ code: "chat_not_found" });
    expect((await ozon.calls()).total).toBe(0);
    expect((await ozonChat(chat.ozonChatId)).unread_count).toBe(chat.unreadCount);
  });
});
