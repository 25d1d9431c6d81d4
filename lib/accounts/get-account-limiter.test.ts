import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { expect, it } from "vitest";
import "@/lib/auth/testing";
import { PrismaClient } from "@/lib/db/generated/client";
import { forEachDatabase } from "@/lib/db/testing";
import { getRoles, isOzonApiError } from "@/lib/ozon";
import { withEmulator } from "@/lib/testing/with-emulator";
import { createSharedTokenBucket, getAccountLimiter } from "./get-account-limiter";

// The emulator counts like Ozon: at most 50 calls of a Client-Id in any sliding second, else 429.
const emulator = withEmulator({ rateLimit: 50 });

forEachDatabase("the shared per-Client-Id rate budget", (db) => {
  /** Two app instances: their own database clients. */
  async function twoInstances<T>(fn: (clients: [PrismaClient, PrismaClient]) => Promise<T>): Promise<T> {
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    const second = new PrismaClient({ adapter: new PrismaPg(pool) });
    try {
      return await fn([db.prisma, second]);
    } finally {
      await second.$disconnect();
      await pool.end();
    }
  }

  /** 150 calls of one Client-Id at once, alternating between the two instances, each call tried once (no retry of a 429). */
  async function burst(budgetKeys: [string, string]) {
    await db.reset();
    await emulator.control.resetCalls();
    return twoInstances(async (clients) => {
      const connections = clients.map((client, i) =>
        emulator.connection({ limiter: createSharedTokenBucket(client, budgetKeys[i]!, 40), retry: { maxAttempts: 1 } }),
      );
      const results = await Promise.allSettled(Array.from({ length: 150 }, (_, i) => getRoles(connections[i % 2]!)));
      const refused = results.filter((r) => r.status === "rejected" && isOzonApiError(r.reason) && r.reason.kind === "rate_limited").length;
      const failed = results.filter((r) => r.status === "rejected").length;
      return { refused, failed, counted: (await emulator.control.calls()).by_client["demo-client"] };
    });
  }

  // Several instances share a database only on PostgreSQL (the embedded one is single-process, and runs in the same
  // event loop as the emulator here, which bunches the calls it lets out).
  it.runIf(db.kind === "postgres")("two instances' calls together stay under Ozon's limit, measured at the emulator", async () => {
    expect(await burst(["demo-client", "demo-client"])).toEqual({ refused: 0, failed: 0, counted: 150 });
  }, 60_000);

  it.runIf(db.kind === "postgres")("each instance with a budget of its own would exceed it (what the shared one prevents)", async () => {
    const { refused } = await burst(["demo-client@instance-a", "demo-client@instance-b"]);
    expect(refused).toBeGreaterThan(0);
  }, 60_000);

  it("is one limiter per Client-Id and database in the process", () => {
    expect(getAccountLimiter(db.prisma, "111")).toBe(getAccountLimiter(db.prisma, "111"));
    expect(getAccountLimiter(db.prisma, "111")).not.toBe(getAccountLimiter(db.prisma, "222"));
  });
});
