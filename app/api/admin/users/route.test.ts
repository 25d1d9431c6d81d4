import { beforeEach, expect, it } from "vitest";
import { GET as listAccounts } from "@/app/api/accounts/route";
import { authorizeSignIn } from "@/lib/auth/authorize-sign-in";
import { createTestUser, requestAs, useTestDatabaseInRoutes, type TestUser } from "@/lib/auth/testing";
import { forEachDatabase, type TestDatabase } from "@/lib/db/testing";
import { PATCH } from "./[userId]/route";
import { GET, POST } from "./route";

function jsonInit(method: string, body: unknown): RequestInit {
  return { method, headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) };
}

async function read(response: Response) {
  const text = await response.text();
  return { status: response.status, text, body: text ? JSON.parse(text) : null };
}

async function createUserAs(user: TestUser | null, body: unknown) {
  const request = user ? await requestAs(user, "/api/admin/users", jsonInit("POST", body)) : new Request("http://localhost/api/admin/users", jsonInit("POST", body));
  return read(await POST(request));
}

async function patchUserAs(user: TestUser | null, userId: string, body: unknown) {
  const url = `/api/admin/users/${userId}`;
  const request = user ? await requestAs(user, url, jsonInit("PATCH", body)) : new Request(new URL(url, "http://localhost"), jsonInit("PATCH", body));
  return read(await PATCH(request, { params: Promise.resolve({ userId }) }));
}

async function makeAccount(db: TestDatabase, clientId: string) {
  return db.prisma.sellerAccount.create({ data: { name: clientId, clientId, apiKeyCiphertext: new Uint8Array(40), apiKeyLast4: "abcd" } });
}

forEachDatabase("/api/admin/users", (db) => {
  useTestDatabaseInRoutes(db);
  beforeEach(() => db.reset());

  it("answers 401 without a session and 403 to an agent, on every method", async () => {
    const agent = await createTestUser(db);
    expect((await GET(new Request("http://localhost/api/admin/users"))).status).toBe(401);
    expect((await createUserAs(null, {})).status).toBe(401);
    expect((await patchUserAs(null, agent.id, { name: "x" })).status).toBe(401);
    expect((await GET(await requestAs(agent, "/api/admin/users"))).status).toBe(403);
    expect((await createUserAs(agent, { name: "X", email: "x@shop.test", password: "long-enough-password" })).status).toBe(403);
    const selfPromotion = await patchUserAs(agent, agent.id, { role: "ADMIN" });
    expect(selfPromotion.status).toBe(403);
    expect(selfPromotion.body.error.code).toBe("admin_only");
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: agent.id } })).role).toBe("AGENT");
    expect(await db.prisma.user.count()).toBe(1);
  });

  it("creates an agent with accounts; lists users without password hashes", async () => {
    const admin = await createTestUser(db, { role: "ADMIN" });
    const account = await makeAccount(db, "111");
    const created = await createUserAs(admin, { name: "Boris", email: "  Boris@Shop.TEST", password: "boris-password", accountIds: [account.id] });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ name: "Boris", email: "boris@shop.test", role: "AGENT", active: true, accountIds: [account.id] });
    expect(created.text).not.toMatch(/boris-password|argon2|passwordHash/);

    const list = await read(await GET(await requestAs(admin, "/api/admin/users")));
    expect(list.body.users.map((u: { email: string }) => u.email)).toEqual([admin.email, "boris@shop.test"]);
    expect(list.text).not.toMatch(/argon2|passwordHash|sessionVersion/);

    const signedIn = await authorizeSignIn(db.prisma, { email: "boris@shop.test", password: "boris-password", address: "192.0.2.1" });
    expect(signedIn?.email).toBe("boris@shop.test");
  });

  it("refuses an email that is taken, whatever its case (409, in words)", async () => {
    const admin = await createTestUser(db, { role: "ADMIN", email: "olga@shop.test" });
    const result = await createUserAs(admin, { name: "Olga 2", email: "OLGA@shop.test", password: "long-enough-password" });
    expect(result.status).toBe(409);
    expect(result.body.error).toEqual({ code: "user_email_taken", message: "A user with the email olga@shop.test already exists.", email: "olga@shop.test" });
    expect(await db.prisma.user.count()).toBe(1);
  });

  it.each([
    [{ email: "x@shop.test", password: "long-enough-password" }, "name"],
    [{ name: "X", email: "x@", password: "long-enough-password" }, "email"],
    [{ name: "X", email: "x@shop.test", password: "too-short" }, "password"],
    [{ name: "X", email: "x@shop.test", password: "long-enough-password", role: "OWNER" }, "role"],
    [{ name: "X", email: "x@shop.test", password: "long-enough-password", accountIds: "all" }, "accountIds"],
    [{ name: "X", email: "x@shop.test", password: "long-enough-password", accountIds: ["no-such-account"] }, "accountIds", "accounts_missing"],
  ])("refuses the new user %j naming the field", async (body, field, code = "invalid_input") => {
    const admin = await createTestUser(db, { role: "ADMIN" });
    const result = await createUserAs(admin, body);
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe(code);
    expect(result.body.error.message).toContain(field);
    expect(await db.prisma.user.count()).toBe(1);
  });

  it("refuses an oversize body (413)", async () => {
    const admin = await createTestUser(db, { role: "ADMIN" });
    const result = await createUserAs(admin, { name: "X", email: "x@shop.test", password: "long-enough-password", pad: "p".repeat(70_000) });
    expect(result.status).toBe(413);
  });

  it("renames, changes role and replaces the accounts a user may work", async () => {
    const admin = await createTestUser(db, { role: "ADMIN" });
    const [a, b] = [await makeAccount(db, "111"), await makeAccount(db, "222")];
    const agent = await createTestUser(db, { accountIds: [a.id] });
    const result = await patchUserAs(admin, agent.id, { name: "Boris B.", accountIds: [b.id, b.id] });
    expect(result.status).toBe(200);
    expect(result.body.user).toMatchObject({ name: "Boris B.", role: "AGENT", accountIds: [b.id] });
    const accounts = await read(await listAccounts(await requestAs(agent, "/api/accounts")));
    expect(accounts.body.accounts.map((x: { id: string }) => x.id)).toEqual([b.id]);

    expect((await patchUserAs(admin, agent.id, { role: "ADMIN" })).body.user.role).toBe("ADMIN");
  });

  it("ends every session of a deactivated user at once", async () => {
    const admin = await createTestUser(db, { role: "ADMIN" });
    const agent = await createTestUser(db);
    const session = await requestAs(agent, "/api/accounts");
    expect((await listAccounts(session.clone())).status).toBe(200);
    expect((await patchUserAs(admin, agent.id, { active: false })).body.user.active).toBe(false);
    expect((await listAccounts(session.clone())).status).toBe(401);
    // Reactivation does not revive the old session.
    await patchUserAs(admin, agent.id, { active: true });
    expect((await listAccounts(session.clone())).status).toBe(401);
  });

  it("resets a password: old sessions end, the new password works, the old one does not", async () => {
    const admin = await createTestUser(db, { role: "ADMIN" });
    const agent = await createTestUser(db, { email: "anna@shop.test" });
    const session = await requestAs(agent, "/api/accounts");
    const result = await patchUserAs(admin, agent.id, { password: "brand-new-password" });
    expect(result.status).toBe(200);
    expect(result.text).not.toContain("brand-new-password");
    expect((await listAccounts(session)).status).toBe(401);
    const address = "192.0.2.2";
    expect(await authorizeSignIn(db.prisma, { email: "anna@shop.test", password: agent.password, address })).toBeNull();
    expect(await authorizeSignIn(db.prisma, { email: "anna@shop.test", password: "brand-new-password", address })).toMatchObject({ sessionVersion: 1 });
  });

  it("never leaves the inbox without an active administrator", async () => {
    const admin = await createTestUser(db, { role: "ADMIN", name: "Olga" });
    for (const change of [{ role: "AGENT" }, { active: false }]) {
      const result = await patchUserAs(admin, admin.id, change);
      expect(result.status).toBe(409);
      expect(result.body.error).toEqual({ code: "last_admin", message: "Olga is the last active administrator. Make another user an administrator first.", name: "Olga" });
    }
    const other = await createTestUser(db, { role: "ADMIN" });
    expect((await patchUserAs(admin, admin.id, { role: "AGENT" })).status).toBe(200);
    // Now `other` is the last one; the demoted user can no longer act as administrator.
    expect((await patchUserAs(admin, other.id, { role: "AGENT" })).status).toBe(403);
    expect((await patchUserAs(other, other.id, { active: false })).status).toBe(409);
  });

  it.each([
    [{}, "at least one"],
    [{ active: "no" }, "active"],
    [{ password: "short" }, "password"],
    [{ email: "new@shop.test" }, "email"],
    [{ accountIds: ["missing"] }, "accountIds"],
  ])("refuses the change %j naming what is wrong", async (body, words) => {
    const admin = await createTestUser(db, { role: "ADMIN" });
    const agent = await createTestUser(db);
    const result = await patchUserAs(admin, agent.id, body);
    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain(words);
  });

  it("answers 404 for a user that does not exist", async () => {
    const admin = await createTestUser(db, { role: "ADMIN" });
    expect((await patchUserAs(admin, "no-such-user", { name: "X" })).status).toBe(404);
  });
});
