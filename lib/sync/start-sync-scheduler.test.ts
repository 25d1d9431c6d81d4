import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

import { forEachDatabase } from "@/lib/db/testing";
import { withEmulator } from "@/lib/testing/with-emulator";

import { expectCacheEqualsEmulator } from "./expect-cache-equals-emulator";
import { requestSync } from "./request-sync";
import { runAccountSync } from "./run-account-sync";
import { startSyncScheduler } from "./start-sync-scheduler";
import { releaseLease } from "@/lib/jobs/release-lease";
import { renewLease } from "@/lib/jobs/renew-lease";

import { claimSyncLease } from "./claim-sync-lease";
import { SYNC_LEASE } from "./sync-lease";
import { backoffDelayMs } from "./sync-settings";
import { closeOtherSessions, createTestAccount } from "@/lib/cache/test-helpers";

forEachDatabase("sync scheduler", (db) => {
  const emulator = withEmulator();
  afterAll(() => closeOtherSessions(db));
  beforeEach(() => db.reset());

  const schedulerOptions = {
    enabled: true,
    intervalMs: 60_000,
    leaseTtlMs: 30_000,
    backoffBaseMs: 60_000,
    maxBackoffMs: 600_000,
    fullPassIntervalMs: 0,
    tickMs: 20,
    instanceId: "test-instance",
    log: () => {},
  };

  it("syncs a healthy account and backs off a failing one in the same tick, then honours sync-now", async () => {
    const good = await createTestAccount(db.prisma, "demo-client");
    const bad = await createTestAccount(db.prisma, "basic-client");
    const { stop } = startSyncScheduler({
      ...schedulerOptions,
      db: db.prisma,
      getConnection: async (_db, accountId) =>
        accountId === good
          ? emulator.connection()
          : emulator.connection({ clientId: "basic-client", apiKey: "wrong-secret-key" }),
    });
    try {
      await vi.waitFor(
        async () => {
          const states = await db.prisma.syncState.findMany();
          expect(states.find((s) => s.accountId === good)?.lastSuccessAt).toBeTruthy();
          expect(states.find((s) => s.accountId === bad)?.consecutiveFailures).toBe(1);
        },
        { timeout: 90_000, interval: 50 },
      );
      const failing = await db.prisma.syncState.findUniqueOrThrow({ where: { accountId: bad } });
      expect(failing.lastError).toMatch(/rejected the Client-Id or API key/);
      expect(failing.lastError).not.toContain("wrong-secret-key");
      expect(failing.nextRunAt!.getTime() - failing.lastErrorAt!.getTime()).toBe(60_000);
      await expectCacheEqualsEmulator(db.prisma, good, emulator.url);
      const healthy = await db.prisma.syncState.findUniqueOrThrow({ where: { accountId: good } });
      expect(healthy.nextRunAt!.getTime()).toBeGreaterThan(Date.now() + 30_000);

      // Sync now: the account is due again at once and the scheduler picks it up.
      const chat = (await db.prisma.chat.findFirstOrThrow({ where: { accountId: good, isBuyerChat: true } })).ozonChatId;
      const { message_id } = await emulator.control.buyerMessage({
        chat_id: chat,
        text: "Подскажите, пожалуйста, статус заказа",
      });
      await requestSync(db.prisma, good);
      await vi.waitFor(
        async () => expect(await db.prisma.message.count({ where: { ozonMessageId: BigInt(message_id) } })).toBe(1),
        { timeout: 90_000, interval: 50 },
      );
    } finally {
      await stop();
    }
    await expectCacheEqualsEmulator(db.prisma, good, emulator.url);
    // The failing account was not retried before its backoff ran out.
    expect((await db.prisma.syncState.findUniqueOrThrow({ where: { accountId: bad } })).consecutiveFailures).toBe(1);
  });

  it("doubles the wait after each consecutive failure and waits at least Ozon's Retry-After", async () => {
    const accountId = await createTestAccount(db.prisma);
    const wrong = emulator.connection({ apiKey: "wrong-key" });
    const first = await runAccountSync(db.prisma, accountId, wrong, { backoffBaseMs: 1000, maxBackoffMs: 3000 });
    const second = await runAccountSync(db.prisma, accountId, wrong, { backoffBaseMs: 1000, maxBackoffMs: 3000 });
    const third = await runAccountSync(db.prisma, accountId, wrong, { backoffBaseMs: 1000, maxBackoffMs: 3000 });
    expect([first, second, third].map((r) => (r.status === "failed" ? r.retryInMs : null))).toEqual([1000, 2000, 3000]);

    await emulator.control.addFault({ mode: "rate_limit", retry_after_seconds: 120 });
    const limited = await runAccountSync(db.prisma, accountId, emulator.connection(), { backoffBaseMs: 1000 });
    expect(limited).toMatchObject({ status: "failed", retryInMs: 120_000 });
    const state = await db.prisma.syncState.findUniqueOrThrow({ where: { accountId } });
    expect(state.consecutiveFailures).toBe(4);
    expect(state.lastError).toMatch(/Too many requests/);
    expect(state.nextRunAt!.getTime() - state.lastErrorAt!.getTime()).toBe(120_000);
    expect(state.leaseOwner).toBeNull();

    await emulator.control.clearFaults();
    expect((await runAccountSync(db.prisma, accountId, emulator.connection())).status).toBe("synced");
    expect(await db.prisma.syncState.findUniqueOrThrow({ where: { accountId } })).toMatchObject({
      consecutiveFailures: 0,
      lastError: null,
    });
  });

  it("the lease admits one owner at a time and passes on when released or expired", async () => {
    const accountId = await createTestAccount(db.prisma);
    const renew = (owner: string) => renewLease(db.prisma, SYNC_LEASE, accountId, owner, 60_000);
    expect(await claimSyncLease(db.prisma, accountId, "a", 60_000)).toBe(true);
    expect(await claimSyncLease(db.prisma, accountId, "b", 60_000)).toBe(false);
    expect(await claimSyncLease(db.prisma, accountId, "a", 60_000)).toBe(true); // its holder may claim it again
    expect(await renew("a")).toBe(true);
    expect(await renew("b")).toBe(false);
    await releaseLease(db.prisma, SYNC_LEASE, accountId, "b"); // not b's: no effect
    expect(await claimSyncLease(db.prisma, accountId, "b", 60_000)).toBe(false);
    await releaseLease(db.prisma, SYNC_LEASE, accountId, "a");
    expect(await claimSyncLease(db.prisma, accountId, "b", 60_000)).toBe(true);
    // b's lease runs out (b stalled): a may take it over, and b can no longer renew.
    await db.prisma.syncState.update({ where: { accountId }, data: { leaseUntil: new Date(Date.now() - 60_000) } });
    expect(await claimSyncLease(db.prisma, accountId, "a", 60_000)).toBe(true);
    expect(await renew("b")).toBe(false);
    expect(await db.prisma.syncState.findUniqueOrThrow({ where: { accountId } })).toMatchObject({ leaseOwner: "a" });
  });
});

describe("backoffDelayMs", () => {
  it("grows exponentially up to the cap, never below Retry-After", () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffDelayMs(n, { baseMs: 5000, maxMs: 30_000 }))).toEqual([5000, 10_000, 20_000, 30_000, 30_000]);
    expect(backoffDelayMs(1, { baseMs: 5000, maxMs: 30_000, retryAfterMs: 45_000 })).toBe(45_000);
  });
});
