import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { chatCallsOnly } from "@/lib/testing/chat-calls-only";

import { forEachDatabase } from "@/lib/db/testing";
import { captureLogLines } from "@/lib/log/testing";
import { getChatHistory, markChatRead, sendMessage } from "@/lib/ozon";
import { withEmulator } from "@/lib/testing/with-emulator";

import { SyncLeaseHeldError } from "./errors";
import { recordSyncFailure, SYNC_FAILED_ON_SERVER } from "./record-sync-failure";
import { expectCacheEqualsEmulator } from "./expect-cache-equals-emulator";
import { storeMessages } from "@/lib/cache/store-messages";
import { syncAccountNow } from "./sync-account-now";
import { closeOtherSessions, createTestAccount } from "@/lib/cache/test-helpers";

forEachDatabase("sync engine", (db) => {
  // Without the emulator's own per-second limit: these tests count calls and compare caches, and the test's direct
  // sends (outside the account's limiter) beside a sync that now reads postings too crossed it on a busy machine.
  // Ozon's 429s are injected as faults where a test is about them.
  const emulator = withEmulator({ rateLimit: 0 });
  let accountId: string;
  afterAll(() => closeOtherSessions(db));
  beforeEach(async () => {
    await db.reset();
    accountId = await createTestAccount(db.prisma);
  });

  const conn = emulator.connection;

  it("imports a new account whole: every chat and every message, as the emulator has them", async () => {
    const report = await syncAccountNow(db.prisma, accountId, conn());
    const state = await expectCacheEqualsEmulator(db.prisma, accountId, emulator.url);
    expect(report.mode).toBe("import");
    expect(report.chatsSynced).toBe(state.chats.filter((c) => c.messages.length > 0).length);
    const sync = await db.prisma.syncState.findUniqueOrThrow({ where: { accountId } });
    expect(sync).toMatchObject({
      phase: "INCREMENTAL",
      chatsTotal: state.chats.length,
      chatsDone: state.chats.length,
      consecutiveFailures: 0,
      lastError: null,
      leaseOwner: null,
    });
    expect(sync.lastSuccessAt).not.toBeNull();
    // Every chat was read back to its first message: opening one needs no Ozon call.
    expect(await db.prisma.chat.count({ where: { accountId, historyStartReached: false } })).toBe(0);
    // Orders are known from the messages' context; postings are not (Ozon's list has none).
    const withOrder = state.chats.find((c) => c.messages.some((m) => m.context));
    const chat = await db.prisma.chat.findFirstOrThrow({ where: { ozonChatId: withOrder!.chat_id } });
    expect(chat.orderNumber).toBe(withOrder!.messages.findLast((m) => m.context)!.context!.order_number);
    expect(chat.postingNumber).toBeNull();
  });

  it("imports through 500s, 429s and dropped connections and still ends equal to the emulator", async () => {
    await emulator.control.addFault({ path: "/v3/chat/history", mode: "error", status: 500, rate: 0.25 });
    await emulator.control.addFault({ path: "/v3/chat/history", mode: "drop", rate: 0.1 });
    await emulator.control.addFault({ mode: "rate_limit", count: 2, retry_after_seconds: 1 });
    const connection = { ...conn(), retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 5000 } };
    let failedPasses = 0;
    for (let pass = 0; pass < 40; pass++) {
      try {
        await syncAccountNow(db.prisma, accountId, connection);
        break;
      } catch {
        failedPasses++;
        // A failed pass is recorded with its backoff; the test does not wait for it.
      }
    }
    const faults = await emulator.control.faults();
    expect(faults.faults.map((f) => f.mode).sort()).toEqual(["drop", "error"]); // the 429s were all served
    await emulator.control.clearFaults();
    const sync = await db.prisma.syncState.findUniqueOrThrow({ where: { accountId } });
    expect(sync.phase).toBe("INCREMENTAL");
    expect(sync.consecutiveFailures).toBe(0);
    expect(failedPasses).toBeLessThan(40);
    await expectCacheEqualsEmulator(db.prisma, accountId, emulator.url);
  });

  it("resumes an interrupted import without fetching finished chats again", async () => {
    const state = await emulator.control.state();
    const withMessages = state.chats.filter((c) => c.messages.length > 0).length;
    const stop = new AbortController();
    let historyCalls = 0;
    const counting: typeof fetch = async (input, init) => {
      if (String(input).endsWith("/v3/chat/history") && ++historyCalls === 12) stop.abort(new Error("shutting down"));
      return fetch(input, init);
    };
    await expect(
      syncAccountNow(db.prisma, accountId, { ...conn(), fetch: counting }, { signal: stop.signal, concurrency: 1 }),
    ).rejects.toThrow();
    const halfway = await db.prisma.syncState.findUniqueOrThrow({ where: { accountId } });
    expect(halfway.phase).toBe("IMPORTING");
    expect(halfway.chatsTotal).toBe(state.chats.length);
    const imported = await db.prisma.chat.count({ where: { accountId, messages: { some: {} } } });
    expect(imported).toBeGreaterThanOrEqual(10);
    expect(imported).toBeLessThan(withMessages);

    await emulator.control.resetCalls();
    await syncAccountNow(db.prisma, accountId, conn());
    const calls = await emulator.control.calls();
    expect(calls.by_path["/v3/chat/history"]).toBe(withMessages - imported);
    await expectCacheEqualsEmulator(db.prisma, accountId, emulator.url);
  });

  it("incremental syncs pick up new buyer messages, a new chat and a chat read in Ozon's portal", async () => {
    await syncAccountNow(db.prisma, accountId, conn());
    const before = await emulator.control.state();
    const buyerChats = before.chats.filter((c) => c.chat_type === "BUYER_SELLER");
    for (const chat of buyerChats.slice(0, 3)) {
      await emulator.control.buyerMessage({ chat_id: chat.chat_id, text: `Есть новости? ${chat.chat_id}` });
    }
    await emulator.control.buyerMessage({
      chat_id: buyerChats[1]!.chat_id,
      text: "https://cdn.ozon.example/photo.jpg",
      is_image: true,
      moderate_image_status: "MODERATION",
    });
    const posting = before.postings.find((p) => p.chat_id === null)!;
    const { chat_id: newChatId } = await emulator.control.buyerMessage({
      posting_number: posting.posting_number,
      text: "Здравствуйте! Когда доставка?",
    });
    // Read in Ozon's own portal: the chat keeps its place in the list, only unread_count changes.
    const touched = new Set(buyerChats.slice(0, 3).map((c) => c.chat_id));
    const read = before.chats.filter((c) => c.unread_count > 0 && !touched.has(c.chat_id)).at(-1)!;
    expect(await markChatRead(conn(), { chatId: read.chat_id })).toMatchObject({ unreadCount: 0 });

    const report = await syncAccountNow(db.prisma, accountId, conn());
    expect(report.mode).toBe("incremental");
    expect(report.unreadReconciled).toBe(true);
    await expectCacheEqualsEmulator(db.prisma, accountId, emulator.url);
    expect(await db.prisma.chat.count({ where: { ozonChatId: newChatId } })).toBe(1);

    // And again after more traffic, including a reply that leaves the chat otherwise unchanged.
    await emulator.control.supportMessage({ text: "Ваше обращение рассмотрено." });
    await emulator.control.buyerMessage({ chat_id: newChatId, text: "Жду ответа" });
    await syncAccountNow(db.prisma, accountId, conn());
    await expectCacheEqualsEmulator(db.prisma, accountId, emulator.url);
  });

  it("a chat the sender stored does not hide older activity in chats below it", async () => {
    await syncAccountNow(db.prisma, accountId, conn());
    const state = await emulator.control.state();
    const [below, above] = state.chats.filter((c) => c.chat_type === "SELLER_SUPPORT");
    // A reply written in Ozon's portal (read, so unread counts do not change) ...
    await sendMessage(conn(), { chatId: below!.chat_id, text: "Ответ из личного кабинета" });
    // ... then one sent from the inbox, which stores the newest page of its chat itself.
    await sendMessage(conn(), { chatId: above!.chat_id, text: "Ответ из Seller Inbox" });
    const newest = await getChatHistory(conn(), { chatId: above!.chat_id, limit: 5 });
    const aboveRow = await db.prisma.chat.findFirstOrThrow({ where: { ozonChatId: above!.chat_id } });
    await storeMessages(db.prisma, aboveRow, newest.messages);

    await syncAccountNow(db.prisma, accountId, conn());
    await expectCacheEqualsEmulator(db.prisma, accountId, emulator.url);
  });

  it("an idle poll is exactly one Ozon call: the first list page", async () => {
    await syncAccountNow(db.prisma, accountId, conn());
    await emulator.control.resetCalls();
    const report = await syncAccountNow(db.prisma, accountId, conn());
    expect(chatCallsOnly(await emulator.control.calls())).toEqual({ total: 1, by_path: { "/v3/chat/list": 1 }, by_client: { "demo-client": 1 } });
    expect(report).toMatchObject({ mode: "incremental", listCalls: 1, historyCalls: 0, chatsSynced: 0, unreadReconciled: false });
  });

  it("two runners on one database never sync the same account at once; the import runs once", async () => {
    const state = await emulator.control.state();
    await emulator.control.setLatency(5);
    await emulator.control.resetCalls();
    const results = await Promise.allSettled([
      syncAccountNow(db.prisma, accountId, conn(), { instanceId: "instance-a" }),
      syncAccountNow(db.prisma, accountId, conn(), { instanceId: "instance-b" }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(SyncLeaseHeldError);
    const calls = await emulator.control.calls();
    expect(calls.by_path["/v3/chat/history"]).toBe(state.chats.filter((c) => c.messages.length > 0).length);
    await expectCacheEqualsEmulator(db.prisma, accountId, emulator.url);
  });

  it("stores a message holding NUL and lone surrogates as best it can, and the account's sync goes on", async () => {
    await syncAccountNow(db.prisma, accountId, conn());
    const state = await emulator.control.state();
    const chat = state.chats.find((c) => c.chat_type === "BUYER_SELLER" && c.chat_status === "OPENED") ?? state.chats.find((c) => c.chat_type === "BUYER_SELLER")!;
    const ref = await emulator.control.buyerMessage({ chat_id: chat.chat_id, text: "before\u0000after \ud800 end" });
    await syncAccountNow(db.prisma, accountId, conn());
    const stored = await db.prisma.message.findFirstOrThrow({ where: { ozonMessageId: BigInt(ref.message_id) } });
    expect(stored.text).toBe("before\uFFFDafter \uFFFD end");
    const sync = await db.prisma.syncState.findUniqueOrThrow({ where: { accountId } });
    expect(sync).toMatchObject({ consecutiveFailures: 0, lastError: null });
    // And again: the next poll is not stuck on it.
    const next = await emulator.control.buyerMessage({ chat_id: chat.chat_id, text: "next" });
    await syncAccountNow(db.prisma, accountId, conn());
    expect(await db.prisma.message.count({ where: { ozonMessageId: BigInt(next.message_id) } })).toBe(1);
  });

  it("records an unexpected failure in words for every user, and the details only in the server log", async () => {
    const logged = await captureLogLines(async () => {
      const error = new Error("invalid byte sequence for encoding \"UTF8\": 0x00");
      error.stack = `${error.message}\n    at storeMessages (/srv/app/lib/sync/store-messages.ts:42:7)`;
      await recordSyncFailure(db.prisma, accountId, error);
    });
    const sync = await db.prisma.syncState.findUniqueOrThrow({ where: { accountId } });
    expect(sync.lastError).toBe(SYNC_FAILED_ON_SERVER);
    expect(sync.lastError).not.toMatch(/0x00|\/srv\/|\.ts/);
    expect(logged).toEqual([expect.objectContaining({ level: "error", msg: "Sync failed unexpectedly" })]);
    expect(logged[0]?.err?.stack).toMatch(/store-messages\.ts:42/);
  });

  it("a long import keeps its lease renewed: another runner is refused throughout", async () => {
    const state = await emulator.control.state();
    // Every Ozon call takes 250 ms: the sequential import of ~40 histories lasts several lease TTLs. The TTL (4 s)
    // leaves a busy machine room between two renewals; a takeover then means the renewals stopped, not a slow tick.
    await emulator.control.setLatency(250);
    await emulator.control.resetCalls();
    let finished = false;
    const importing = syncAccountNow(db.prisma, accountId, conn(), { instanceId: "a", leaseTtlMs: 4000, concurrency: 1 }).finally(
      () => (finished = true),
    );
    const refusals: unknown[] = [];
    while (!finished) {
      await new Promise((resolve) => setTimeout(resolve, 60));
      if (finished) break;
      try {
        await syncAccountNow(db.prisma, accountId, conn(), { instanceId: "b", leaseTtlMs: 4000 });
        refusals.push("b synced while a was importing");
      } catch (error) {
        refusals.push(error);
      }
    }
    await importing;
    // The import outlived its lease's TTL (~40 calls of 250 ms last 10 s or more, whatever the machine), and every
    // other runner's attempt meanwhile was refused.
    expect(refusals.length).toBeGreaterThan(25);
    for (const r of refusals) expect(r).toBeInstanceOf(SyncLeaseHeldError);
    const calls = await emulator.control.calls();
    expect(calls.by_path["/v3/chat/history"]).toBe(state.chats.filter((c) => c.messages.length > 0).length);
    await expectCacheEqualsEmulator(db.prisma, accountId, emulator.url);
    // The import then reads the buyer chats' postings too: room for a busy machine.
  }, 180_000);
});

describe("idle poll on a larger shop", () => {
  forEachDatabase("500 chats", (db) => {
    const emulator = withEmulator({ chats: 500, rateLimit: 0 });
    afterAll(() => closeOtherSessions(db));

    it("costs the same one list call as the default shop", async () => {
      const accountId = await createTestAccount(db.prisma);
      const connection = emulator.connection();
      const imported = await syncAccountNow(db.prisma, accountId, connection);
      expect(imported.listCalls).toBe(5);
      await expectCacheEqualsEmulator(db.prisma, accountId, emulator.url);
      await emulator.control.resetCalls();
      const report = await syncAccountNow(db.prisma, accountId, connection);
      expect(chatCallsOnly(await emulator.control.calls())).toEqual({ total: 1, by_path: { "/v3/chat/list": 1 }, by_client: { "demo-client": 1 } });
      expect(report).toMatchObject({ listCalls: 1, historyCalls: 0 });
      // Importing 500 chats' histories takes a while on a busy 2-core machine.
    }, 180_000);
  });
});
