import { afterAll, beforeEach, expect, it, vi } from "vitest";

import { connectDemoAccount } from "@/lib/accounts/testing";
import { forEachDatabase } from "@/lib/db/testing";
import { withEmulator } from "@/lib/testing/with-emulator";

import { expectCacheEqualsEmulator } from "./expect-cache-equals-emulator";
import { startSyncScheduler } from "./start-sync-scheduler";
import { closeOtherSessions } from "@/lib/cache/test-helpers";

// The scheduler as the app runs it: connections from the stored accounts (decrypted key, rate limiter).
const ozon = withEmulator({ asOzonApiUrl: true });

forEachDatabase("sync scheduler with stored accounts", (db) => {
  afterAll(() => closeOtherSessions(db));
  beforeEach(async () => {
    await db.reset();
  });

  it("imports a connected account through getAccountConnection", async () => {
    const account = await connectDemoAccount(db.prisma);
    const { stop } = startSyncScheduler({
      db: db.prisma,
      enabled: true,
      intervalMs: 60_000,
      leaseTtlMs: 30_000,
      maxBackoffMs: 60_000,
      fullPassIntervalMs: 0,
      tickMs: 20,
      log: () => {},
    });
    try {
      await vi.waitFor(
        async () => expect((await db.prisma.syncState.findUnique({ where: { accountId: account.id } }))?.lastSuccessAt).toBeTruthy(),
        { timeout: 90_000, interval: 50 },
      );
    } finally {
      await stop();
    }
    await expectCacheEqualsEmulator(db.prisma, account.id, ozon.url);
    expect((await db.prisma.sellerAccount.findUniqueOrThrow({ where: { id: account.id } })).lastSyncAt).not.toBeNull();
  });
});
