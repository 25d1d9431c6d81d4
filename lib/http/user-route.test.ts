import { beforeEach, expect, it } from "vitest";
import { createTestUser, requestAs, useTestDatabaseInRoutes } from "@/lib/auth/testing";
import { forEachDatabase } from "@/lib/db/testing";
import { userRoute } from "./user-route";

const echo = userRoute<{ chatId: string }>(async ({ user, params }) => ({ userId: user.id, role: user.role, params }));
const adminOnly = userRoute(async () => ({ ok: true }), { admin: true });

forEachDatabase("userRoute", (db) => {
  useTestDatabaseInRoutes(db);
  beforeEach(() => db.reset());

  it("answers 401 without a session, in words", async () => {
    const response = await echo(new Request("http://localhost/x"), { params: Promise.resolve({ chatId: "c1" }) });
    expect(response.status).toBe(401);
    expect((await response.json()).error).toEqual({
      code: "unauthenticated",
      message: "You are not signed in, or your session has ended. Sign in again.",
    });
  });

  it("gives the handler the user and the awaited params", async () => {
    const agent = await createTestUser(db);
    const response = await echo(await requestAs(agent, "/x"), { params: Promise.resolve({ chatId: "c1" }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ userId: agent.id, role: "AGENT", params: { chatId: "c1" } });
  });

  it("answers 403 to an agent on an admin route and lets an admin through", async () => {
    const agent = await createTestUser(db);
    const admin = await createTestUser(db, { role: "ADMIN" });
    const refused = await adminOnly(await requestAs(agent, "/x"));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("admin_only");
    expect((await adminOnly(await requestAs(admin, "/x"))).status).toBe(200);
  });

  it("answers 401 once the user is deactivated", async () => {
    const admin = await createTestUser(db, { role: "ADMIN" });
    const request = await requestAs(admin, "/x");
    await db.prisma.user.update({ where: { id: admin.id }, data: { active: false } });
    expect((await adminOnly(request)).status).toBe(401);
  });
});
