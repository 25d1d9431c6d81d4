import { beforeEach, expect, it } from "vitest";
import { createTestUser, useTestDatabaseInRoutes, type TestUser } from "@/lib/auth/testing";
import { callRoute } from "@/lib/chats/test-helpers";
import { forEachDatabase } from "@/lib/db/testing";
import { POST as syncNow } from "./route";

forEachDatabase("sync-now route", (db) => {
  useTestDatabaseInRoutes(db);
  let accountId: string;
  let agent: TestUser;

  beforeEach(async () => {
    await db.reset();
    const account = await db.prisma.sellerAccount.create({
      data: { name: "Shop", clientId: "demo-client", apiKeyCiphertext: new Uint8Array([1]), apiKeyLast4: "-key" },
    });
    accountId = account.id;
    agent = await createTestUser(db, { accountIds: [accountId] });
  });

  it("makes the account due at once", async () => {
    await db.prisma.syncState.create({ data: { accountId, nextRunAt: new Date(Date.now() + 3_600_000), consecutiveFailures: 3 } });
    const answer = await callRoute(syncNow, agent, "/x", { accountId }, { method: "POST" });
    expect(answer).toMatchObject({ status: 202, body: { requested: true } });
    const state = await db.prisma.syncState.findUniqueOrThrow({ where: { accountId } });
    expect(state.nextRunAt!.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("answers 401 without a session and 404 to a user without the account, changing nothing", async () => {
    const outsider = await createTestUser(db);
    expect((await callRoute(syncNow, null, "/x", { accountId }, { method: "POST" })).status).toBe(401);
    expect((await callRoute(syncNow, outsider, "/x", { accountId }, { method: "POST" })).status).toBe(404);
    expect((await callRoute(syncNow, agent, "/x", { accountId: "nope" }, { method: "POST" })).status).toBe(404);
    expect(await db.prisma.syncState.count()).toBe(0);
  });
});
