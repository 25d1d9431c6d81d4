import { afterAll, beforeEach, expect, it } from "vitest";
import { forEachDatabase } from "@/lib/db/testing";
import { withEmulator } from "@/lib/testing/with-emulator";
import { runAccountSync } from "./run-account-sync";
import { closeOtherSessions, createTestAccount } from "@/lib/cache/test-helpers";
import type { LiveEvent } from "@/lib/live/live-event";
import { countWaitingChats } from "@/lib/cache/count-waiting-chats";

/** What the sync publishes, read straight from live_events (mark-read: lib/chats/mark-chat-read.test.ts). */
forEachDatabase("live events from the sync", (db) => {
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
    // The account's Needs reply and Unassigned counts ride along, as the counts route reads them.
    const { needsReply, unassigned, cap } = await countWaitingChats(db.prisma, accountId);
    expect(needsReply).toBeGreaterThan(0);
    expect(message).toMatchObject({ queue: { needsReply, unassigned, cap } });
    expect(events.at(-1)!.kind).toBe("sync");
  });

});
