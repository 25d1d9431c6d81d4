import { afterAll, afterEach, beforeEach, expect, it } from "vitest";

import "@/lib/auth/testing";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { forEachDatabase } from "@/lib/db/testing";
import { syncAccountNow } from "@/lib/sync/sync-account-now";
import { closeOtherSessions } from "@/lib/cache/test-helpers";
import { withEmulator } from "@/lib/testing/with-emulator";

import { claimPushEvents } from "./claim-push-events";
import { MAX_PUSH_ATTEMPTS, processPushEvents } from "./process-push-events";
import { pushProcessingSettled } from "./start-push-processing";
import { sweepPushEvents } from "./sweep-push-events";
import { queueBuyerMessagePush } from "./test-helpers";

const emulator = withEmulator();

forEachDatabase("push event queue", (db) => {
  let accountId: string;
  const options = () => ({ getConnection: async () => emulator.connection({ retry: { maxAttempts: 1 } }) });
  afterAll(() => closeOtherSessions(db));
  beforeEach(async () => {
    await db.reset();
    const account = await db.prisma.sellerAccount.create({
      data: { name: "Shop", clientId: "demo-client", apiKeyCiphertext: encryptSecret("demo-api-key"), apiKeyLast4: "-key" },
    });
    accountId = account.id;
    await syncAccountNow(db.prisma, accountId, emulator.connection());
  });
  afterEach(() => pushProcessingSettled());

  /** Queues the emulator's newest message of a chat as a push, as the receiver would. */
  async function queueNewMessage(text: string, state: "PENDING" | "PROCESSING" = "PENDING", claimedUntil: Date | null = null) {
    const chat = (await emulator.control.state()).chats.find((c) => c.chat_type === "BUYER_SELLER")!;
    const { ref } = await queueBuyerMessagePush(db.prisma, emulator.control, { accountId, chatId: chat.chat_id, text, state, claimedUntil });
    return ref;
  }

  it("a queued burst costs one verification read per chat, not one per push", async () => {
    const chats = (await emulator.control.state()).chats.filter((c) => c.chat_type === "BUYER_SELLER").slice(0, 5);
    expect(chats).toHaveLength(5);
    for (let i = 0; i < 40; i++) {
      await queueBuyerMessagePush(db.prisma, emulator.control, { accountId, chatId: chats[i % chats.length]!.chat_id, text: `burst ${i}` });
    }
    await emulator.control.resetCalls();
    const result = await processPushEvents(db.prisma, accountId, options());
    expect(result).toEqual({ done: 40, retried: 0, failed: 0 });
    expect((await emulator.control.calls()).by_path["/v3/chat/history"]).toBe(chats.length);
  });

  it("two claims at once never take the same event", async () => {
    for (let i = 0; i < 6; i++) await queueNewMessage(`m${i}`);
    const [a, b] = await Promise.all([claimPushEvents(db.prisma, accountId, 4, 60_000), claimPushEvents(db.prisma, accountId, 4, 60_000)]);
    const ids = [...a, ...b].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(6);
    expect(await claimPushEvents(db.prisma, accountId, 4, 60_000)).toEqual([]);
  });

  it("the sweeper takes over a crashed instance's expired claim, and leaves a live claim alone", async () => {
    const crashed = await queueNewMessage("from a crashed instance", "PROCESSING", new Date(Date.now() - 1000));
    await queueNewMessage("claimed right now", "PROCESSING", new Date(Date.now() + 60_000));
    expect(await sweepPushEvents(db.prisma, options())).toBe(1);
    await pushProcessingSettled();
    const states = (await db.prisma.pushEvent.findMany({ orderBy: { id: "asc" } })).map((e) => e.state);
    expect(states).toEqual(["DONE", "PROCESSING"]);
    expect(await db.prisma.message.count({ where: { ozonMessageId: BigInt(crashed.message_id) } })).toBe(1);
  });

  it("a failing Ozon puts the events back with the error and a delay, and gives up after the last attempt", async () => {
    await queueNewMessage("while Ozon is down");
    await emulator.control.addFault({ path: "/v3/chat/history", mode: "error", status: 500 });
    const first = await processPushEvents(db.prisma, accountId, options());
    expect(first).toEqual({ done: 0, retried: 1, failed: 0 });
    let event = await db.prisma.pushEvent.findFirstOrThrow();
    expect(event).toMatchObject({ state: "PENDING", attempts: 1 });
    expect(event.lastError).toBeTruthy();
    expect(event.claimedUntil!.getTime()).toBeGreaterThan(Date.now());
    // Not claimable before its delay has passed.
    expect((await processPushEvents(db.prisma, accountId, options())).retried).toBe(0);
    for (let attempt = 2; attempt <= MAX_PUSH_ATTEMPTS; attempt++) {
      await db.prisma.pushEvent.updateMany({ data: { claimedUntil: new Date(Date.now() - 1) } });
      await processPushEvents(db.prisma, accountId, options());
    }
    event = await db.prisma.pushEvent.findFirstOrThrow();
    expect(event).toMatchObject({ state: "FAILED", attempts: MAX_PUSH_ATTEMPTS });
    // The message itself was stored before the verification read failed; the poll keeps it one row and brings the
    // chat's counts. (What only a read carries, e.g. the order context, stays as the push had it: see the report.)
    const ref = (await db.prisma.message.findFirstOrThrow({ where: { text: "while Ozon is down" } })).ozonMessageId;
    await emulator.control.clearFaults();
    await syncAccountNow(db.prisma, accountId, emulator.connection());
    expect(await db.prisma.message.count({ where: { ozonMessageId: ref } })).toBe(1);
    const state = await emulator.control.state();
    const cachedUnread = (await db.prisma.chat.aggregate({ where: { accountId }, _sum: { unreadCount: true } }))._sum.unreadCount;
    expect(cachedUnread).toBe(state.chats.reduce((sum, c) => sum + c.unread_count, 0));
  });

  it("pushes since the last poll double the pause before the next one; a poll without pushes resets it", async () => {
    const base = { intervalMs: 10_000, pushMaxIntervalMs: 30_000 };
    const pause = async () => (await db.prisma.syncState.findUniqueOrThrow({ where: { accountId } })).pollIntervalMs;
    const pushNow = () => db.prisma.syncState.update({ where: { accountId }, data: { lastPushAt: new Date() } });
    await syncAccountNow(db.prisma, accountId, emulator.connection(), base);
    expect(await pause()).toBe(10_000);
    const seen: (number | null)[] = [];
    for (let i = 0; i < 3; i++) {
      await pushNow();
      await syncAccountNow(db.prisma, accountId, emulator.connection(), base);
      seen.push(await pause());
    }
    expect(seen).toEqual([20_000, 30_000, 30_000]);
    await syncAccountNow(db.prisma, accountId, emulator.connection(), base);
    expect(await pause()).toBe(10_000);
    const state = await db.prisma.syncState.findUniqueOrThrow({ where: { accountId } });
    expect(state.nextRunAt!.getTime() - state.lastSuccessAt!.getTime()).toBe(10_000);
  });
});
