import { beforeEach, expect, it } from "vitest";
import { forEachDatabase } from "@/lib/db/testing";
import { withEmulator } from "@/lib/testing/with-emulator";
import { getChatHistory } from "@/lib/ozon";
import { storeMessages } from "@/lib/cache/store-messages";
import { listCachedMessages, listCachedMessagesResponseSchema } from "./list-cached-messages";
import { resetToCachedDemoAccount } from "./test-helpers";

const HISTORY = "/v3/chat/history";
// Long chats, so that paging has something to page through.
const emulator = withEmulator({ rateLimit: 0, messagesPerChat: 37 });

forEachDatabase("a chat's messages from the cache", (db) => {
  let accountId: string;
  let chat: { id: string; ozonChatId: string };
  let ozonIds: string[];
  const ozon = emulator.control;
  const connection = emulator.connection;
  const target = () => ({ accountId, chatId: chat.id });

  beforeEach(async () => {
    accountId = await resetToCachedDemoAccount(db, connection());
    chat = await db.prisma.chat.findFirstOrThrow({ where: { accountId, isBuyerChat: true }, orderBy: { lastMessageAt: "desc" } });
    const full = await getChatHistory(connection(), { chatId: chat.ozonChatId, limit: 1000 });
    ozonIds = full.messages.map((m) => m.messageId).reverse(); // oldest first
    expect(ozonIds.length).toBe(37);
  });

  it("pages backwards from the newest page, reading older pages from Ozon and storing them", async () => {
    // The sync stored only the newest page.
    const newest = await getChatHistory(connection(), { chatId: chat.ozonChatId, limit: 10 });
    await storeMessages(db.prisma, { id: chat.id }, newest.messages);
    await ozon.resetCalls();

    const seen: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await listCachedMessages(db.prisma, connection(), target(), { limit: "10", ...(before ? { before } : {}) });
      expect(result.messages.length).toBeLessThanOrEqual(10);
      seen.unshift(...result.messages.map((m) => m.id));
      if (!result.hasMore) break;
      before = result.messages[0]!.id;
    }
    expect(seen).toEqual(ozonIds);
    expect(await db.prisma.message.count({ where: { chatId: chat.id } })).toBe(37);
    expect((await ozon.calls()).by_path[HISTORY]).toBeGreaterThanOrEqual(3);

    // Everything is cached now: the newest pages come from the cache alone.
    await ozon.resetCalls();
    const first = await listCachedMessages(db.prisma, connection(), target(), { limit: "10" });
    expect(first.messages.map((m) => m.id)).toEqual(ozonIds.slice(-10));
    expect(first.hasMore).toBe(true);
    expect((await ozon.calls()).by_path[HISTORY] ?? 0).toBe(0);
  });

  it("reads the newest page from Ozon when nothing of the chat is cached", async () => {
    const result = await listCachedMessages(db.prisma, connection(), target(), {});
    expect(listCachedMessagesResponseSchema.parse(result)).toEqual(result);
    expect(result.messages.map((m) => m.id)).toEqual(ozonIds.slice(-50));
    expect(result.hasMore).toBe(false);
    expect(typeof result.messages[0]!.id).toBe("string");
    expect(await db.prisma.message.count({ where: { chatId: chat.id } })).toBe(37);
  });

  it("asks Ozon about a short chat once: when its start is reached, later opens come from the cache alone", async () => {
    const first = await listCachedMessages(db.prisma, connection(), target(), {});
    expect(first.hasMore).toBe(false);
    expect((await db.prisma.chat.findUniqueOrThrow({ where: { id: chat.id } })).historyStartReached).toBe(true);
    await ozon.resetCalls();
    // Ozon is down now: a chat cached back to its start opens anyway, whole, with nothing to load.
    await ozon.addFault({ path: HISTORY, mode: "error", status: 503 });
    const again = await listCachedMessages(db.prisma, () => Promise.reject(new Error("no connection needed")), target(), {});
    expect(again.messages.map((m) => m.id)).toEqual(ozonIds);
    expect(again.hasMore).toBe(false);
    expect(again.notice).toBeNull();
    expect((await ozon.calls()).by_path[HISTORY] ?? 0).toBe(0);
  });

  it("still shows the cached messages when Ozon cannot be reached for older ones", async () => {
    const newest = await getChatHistory(connection(), { chatId: chat.ozonChatId, limit: 5 });
    await storeMessages(db.prisma, { id: chat.id }, newest.messages);
    await ozon.addFault({ path: HISTORY, mode: "error", status: 503 });

    const result = await listCachedMessages(db.prisma, connection(), target(), { limit: "20" });
    expect(result.messages.map((m) => m.id)).toEqual(ozonIds.slice(-5));
    expect(result.hasMore).toBe(true);
    expect(result.notice).toMatch(/Older messages could not be loaded/);
  });

  it("lists the chat's unsent outbox rows with their errors, and not the sent ones", async () => {
    const agent = await db.prisma.user.create({ data: { email: "a@test.local", name: "Анна", passwordHash: "x" } });
    const base = { accountId, chatId: chat.id, userId: agent.id, kind: "TEXT" as const };
    await db.prisma.outboxMessage.createMany({
      data: [
        { ...base, clientId: "c1", text: "не ушло", state: "FAILED", lastError: "Ozon no longer allows writing in this chat" },
        { ...base, clientId: "c2", text: "ушло", state: "SENT" },
        { ...base, clientId: "c3", text: "неизвестно", state: "UNKNOWN", lastError: "Ozon did not confirm" },
      ],
    });
    const result = await listCachedMessages(db.prisma, connection(), target(), {});
    expect(result.outbox.map((o) => [o.clientId, o.state, o.lastError])).toEqual([
      ["c1", "FAILED", "Ozon no longer allows writing in this chat"],
      ["c3", "UNKNOWN", "Ozon did not confirm"],
    ]);
  });

  it("answers not-found for a chat of another account, and refuses a malformed `before`", async () => {
    const other = await db.prisma.sellerAccount.create({
      data: { name: "Other", clientId: "other", apiKeyCiphertext: new Uint8Array([1]), apiKeyLast4: "xxxx" },
    });
    await expect(listCachedMessages(db.prisma, connection(), { accountId: other.id, chatId: chat.id }, {})).rejects.toMatchObject({
      code: "chat_not_found",
    });
    await expect(listCachedMessages(db.prisma, connection(), target(), { before: "12ab" })).rejects.toThrow(/before/);
  });
});
