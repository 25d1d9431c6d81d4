import { afterAll, beforeEach, expect, it } from "vitest";
import { forEachDatabase } from "@/lib/db/testing";
import { withEmulator } from "@/lib/testing/with-emulator";
import { markChatRead } from "@/lib/chats/mark-chat-read";
import { runAccountSync } from "@/lib/sync/run-account-sync";
import { closeOtherSessions, createTestAccount } from "@/lib/sync/test-helpers";
import type { LiveEvent } from "./live-event";

/** What the app's writers (the sync, mark-read) publish, read straight from live_events. */
forEachDatabase("live events from the writers", (db) => {
  const emulator = withEmulator();
  let accountId: string;
  afterAll(() => closeOtherSessions(db));
  beforeEach(async () => {
    await db.reset();
    accountId = await createTestAccount(db.prisma);
  });

  const published = async () =>
    (await db.prisma.liveEvent.findMany({ orderBy: { id: "asc" } })).map((row) => row.payload as unknown as LiveEvent);

  it("the import publishes its sync state, no chat events; a later pass publishes each synced chat with its new message", async () => {
    await runAccountSync(db.prisma, accountId, emulator.connection());
    const afterImport = await published();
    expect(afterImport.length).toBeGreaterThan(0);
    expect(new Set(afterImport.map((e) => e.kind))).toEqual(new Set(["sync"]));
    expect(afterImport.at(-1)).toMatchObject({ kind: "sync", sync: { phase: "INCREMENTAL", lastError: null } });
    await db.prisma.liveEvent.deleteMany();

    const chat = await db.prisma.chat.findFirstOrThrow({ where: { accountId, isBuyerChat: true, status: "OPENED" } });
    const text = `Новый вопрос ${Date.now()}`;
    const { message_id } = await emulator.control.buyerMessage({ chat_id: chat.ozonChatId, text });
    await runAccountSync(db.prisma, accountId, emulator.connection(), { fullPassIntervalMs: 0 });
    const events = await published();
    const message = events.find((e) => e.kind === "message");
    expect(message).toMatchObject({ kind: "message", accountId, chat: { id: chat.id, lastMessagePreview: text } });
    expect(message!.kind === "message" && message!.messages.map((m) => m.id)).toEqual([String(message_id)]);
    expect(events.at(-1)!.kind).toBe("sync");
  });

  it("marking a chat read publishes the chat with its badge at 0 and the account's total", async () => {
    await runAccountSync(db.prisma, accountId, emulator.connection());
    const chat = await db.prisma.chat.findFirstOrThrow({ where: { accountId, unreadCount: { gt: 0 } } });
    await db.prisma.liveEvent.deleteMany();
    const answer = await markChatRead(db.prisma, emulator.connection(), { accountId, chatId: chat.id }, {});
    expect(await published()).toEqual([
      expect.objectContaining({ kind: "chat", chat: expect.objectContaining({ id: chat.id, unreadCount: 0 }), totalUnread: answer.totalUnread }),
    ]);
  });
});
