import { beforeEach, expect, it } from "vitest";
import { authorizeSignIn } from "@/lib/auth/authorize-sign-in";
import { forEachDatabase } from "@/lib/db/testing";
import { withEmulator } from "@/lib/testing/with-emulator";
import { DEMO_ACCOUNT_NAME, DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL, DEMO_PASSWORD, seedDemoData } from "./seed-demo-data";

const ozon = withEmulator({ asOzonApiUrl: true });

forEachDatabase("seedDemoData", (db) => {
  beforeEach(() => db.reset());

  it("creates the demo admin, agent and the connected demo-client account, idempotently", async () => {
    await seedDemoData(db.prisma, { ozonApiUrl: ozon.url });
    await seedDemoData(db.prisma, { ozonApiUrl: ozon.url });

    const users = await db.prisma.user.findMany({ orderBy: { email: "asc" }, include: { memberships: true } });
    expect(users.map((u) => [u.email, u.name, u.role])).toEqual([
      [DEMO_ADMIN_EMAIL, "Demo Admin", "ADMIN"],
      [DEMO_AGENT_EMAIL, "Demo Agent", "AGENT"],
    ]);
    const accounts = await db.prisma.sellerAccount.findMany({ include: { syncState: true } });
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ name: DEMO_ACCOUNT_NAME, clientId: "demo-client", connectionStatus: "OK", premiumStatus: "PREMIUM_PLUS" });
    expect(accounts[0]!.syncState?.phase).toBe("IDLE");
    expect(users[1]!.memberships.map((m) => m.accountId)).toEqual([accounts[0]!.id]);

    for (const email of [DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL]) {
      expect(await authorizeSignIn(db.prisma, { email, password: DEMO_PASSWORD, address: "127.0.0.1" })).not.toBeNull();
    }
  });

  it("leaves a changed password and a renamed account alone on a second run", async () => {
    await seedDemoData(db.prisma, { ozonApiUrl: ozon.url });
    await db.prisma.sellerAccount.updateMany({ data: { name: "Renamed" } });
    await db.prisma.user.update({ where: { email: DEMO_ADMIN_EMAIL }, data: { passwordHash: "changed" } });
    await seedDemoData(db.prisma, { ozonApiUrl: ozon.url });
    expect((await db.prisma.sellerAccount.findFirstOrThrow()).name).toBe("Renamed");
    expect((await db.prisma.user.findUniqueOrThrow({ where: { email: DEMO_ADMIN_EMAIL } })).passwordHash).toBe("changed");
  });
});
