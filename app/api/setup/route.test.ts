import { beforeEach, expect, it } from "vitest";
import { useTestDatabaseInRoutes } from "@/lib/auth/testing";
import { forEachDatabase } from "@/lib/db/testing";
import { POST } from "./route";

function setup(body: unknown, init: RequestInit = {}) {
  return POST(
    new Request("http://localhost/api/setup", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
      ...init,
    }),
    undefined,
  );
}

const ADMIN = { name: "Olga", email: "Olga@Shop.test", password: "first-admin-password" };

forEachDatabase("POST /api/setup", (db) => {
  useTestDatabaseInRoutes(db);
  beforeEach(() => db.reset());

  it("creates the first administrator once, then answers 404", async () => {
    const response = await setup(ADMIN);
    expect(response.status).toBe(201);
    const text = await response.text();
    expect(JSON.parse(text).user).toMatchObject({ name: "Olga", email: "olga@shop.test", role: "ADMIN", active: true });
    expect(text).not.toContain("first-admin-password");
    expect(text).not.toContain("argon2");

    const again = await setup({ ...ADMIN, email: "other@shop.test" });
    expect(again.status).toBe(404);
    expect((await again.json()).error.code).toBe("setup_done");
    expect(await db.prisma.user.count()).toBe(1);
  });

  it("lets exactly one of two simultaneous setups win", async () => {
    const [a, b] = await Promise.all([setup({ ...ADMIN, email: "a@shop.test" }), setup({ ...ADMIN, email: "b@shop.test" })]);
    expect([a.status, b.status].sort()).toEqual([201, 404]);
    expect(await db.prisma.user.count()).toBe(1);
  });

  it.each([
    [{ email: "a@shop.test", password: "long-enough-password" }, "name"],
    [{ ...ADMIN, email: "not-an-email" }, "email"],
    [{ ...ADMIN, password: "short" }, "password"],
    [{ ...ADMIN, password: 1234567890123 }, "password"],
  ])("refuses invalid input %j naming the field", async (body, field) => {
    const response = await setup(body);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("invalid_input");
    expect(error.message).toContain(field);
    expect(await db.prisma.user.count()).toBe(0);
  });

  it("refuses a body that is not JSON, and an oversize one", async () => {
    expect((await setup("{not json")).status).toBe(400);
    const huge = await setup({ ...ADMIN, name: "x".repeat(70 * 1024) });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe("payload_too_large");
  });
});
