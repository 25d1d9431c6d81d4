import { beforeEach, expect, it } from "vitest";
import { connectDemoAccount } from "@/lib/accounts/testing";
import { createTestUser, requestAs, useTestDatabaseInRoutes, type TestUser } from "@/lib/auth/testing";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { forEachDatabase } from "@/lib/db/testing";
import { withEmulator } from "@/lib/testing/with-emulator";
import { DELETE, GET, PATCH } from "./route";

// Accounts are checked against the emulator (OZON_API_URL) when they are connected or their key changes.
withEmulator({ asOzonApiUrl: true });

type Handler = typeof GET;
const HANDLERS: [string, Handler][] = [
  ["GET", GET],
  ["PATCH", PATCH],
  ["DELETE", DELETE],
];

async function call(handler: Handler, method: string, user: TestUser | null, accountId: string, body?: unknown) {
  const init: RequestInit = { method };
  if (body !== undefined && method !== "GET") {
    init.headers = { "content-type": "application/json" };
    init.body = typeof body === "string" ? body : JSON.stringify(body);
  }
  const url = `/api/accounts/${accountId}`;
  const request = user ? await requestAs(user, url, init) : new Request(new URL(url, "http://localhost"), init);
  const response = await handler(request, { params: Promise.resolve({ accountId }) });
  const text = await response.text();
  return { status: response.status, text, body: text ? JSON.parse(text) : null };
}

forEachDatabase("/api/accounts/[accountId]", (db) => {
  useTestDatabaseInRoutes(db);
  beforeEach(async () => {
    await db.reset();
  });

  it.each(HANDLERS)("%s answers 401 without a session", async (method, handler) => {
    const account = await connectDemoAccount(db.prisma);
    expect((await call(handler, method, null, account.id, { name: "x" })).status).toBe(401);
  });

  it.each(HANDLERS)("%s answers 404 to an agent without the account's right, and changes nothing", async (method, handler) => {
    const account = await connectDemoAccount(db.prisma);
    const stranger = await createTestUser(db);
    const result = await call(handler, method, stranger, account.id, { name: "Hijacked" });
    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe("account_not_found");
    expect((await db.prisma.sellerAccount.findUniqueOrThrow({ where: { id: account.id } })).name).toBe("Demo shop");
  });

  it("lets a member read the account but not change or remove it (403)", async () => {
    const account = await connectDemoAccount(db.prisma);
    const member = await createTestUser(db, { accountIds: [account.id] });
    const read = await call(GET, "GET", member, account.id);
    expect(read.status).toBe(200);
    expect(read.body.account).toMatchObject({ id: account.id, name: "Demo shop", apiKeyLast4: "-key" });
    expect(read.text).not.toContain("demo-api-key");
    expect((await call(PATCH, "PATCH", member, account.id, { name: "Mine" })).status).toBe(403);
    expect((await call(DELETE, "DELETE", member, account.id)).status).toBe(403);
    expect(await db.prisma.sellerAccount.count()).toBe(1);
  });

  it("lets an administrator rename, test the connection, and replace the key only with a working one", async () => {
    const account = await connectDemoAccount(db.prisma);
    const admin = await createTestUser(db, { role: "ADMIN" });

    const renamed = await call(PATCH, "PATCH", admin, account.id, { name: "Уют" });
    expect(renamed.status).toBe(200);
    expect(renamed.body.account.name).toBe("Уют");

    const tested = await call(PATCH, "PATCH", admin, account.id, { testConnection: true });
    expect(tested.body.check).toEqual({ connectionStatus: "OK", problem: null });

    const refused = await call(PATCH, "PATCH", admin, account.id, { apiKey: "wrong-api-key", name: "Not applied" });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("account_key_rejected");
    const row = await db.prisma.sellerAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.name).toBe("Уют");
    expect(decryptSecret(row.apiKeyCiphertext)).toBe("demo-api-key");

    const replaced = await call(PATCH, "PATCH", admin, account.id, { apiKey: "demo-api-key" });
    expect(replaced.status).toBe(200);
    expect(replaced.text).not.toContain("demo-api-key");
  });

  it.each([
    [{}, "at least one"],
    [{ name: 42 }, "name"],
    [{ name: "" }, "name"],
    [{ testConnection: "yes" }, "testConnection"],
    [{ apiKey: "short" }, "apiKey"],
    [{ clientId: "other" }, "clientId"],
  ])("refuses the PATCH %j naming what is wrong", async (body, words) => {
    const account = await connectDemoAccount(db.prisma);
    const admin = await createTestUser(db, { role: "ADMIN" });
    const result = await call(PATCH, "PATCH", admin, account.id, body);
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe("invalid_input");
    expect(result.body.error.message).toContain(words);
  });

  it("refuses an oversize PATCH (413)", async () => {
    const account = await connectDemoAccount(db.prisma);
    const admin = await createTestUser(db, { role: "ADMIN" });
    const result = await call(PATCH, "PATCH", admin, account.id, { name: "x".repeat(65 * 1024) });
    expect(result.status).toBe(413);
  });

  it("lets an administrator remove the account; afterwards it is not found", async () => {
    const account = await connectDemoAccount(db.prisma);
    const admin = await createTestUser(db, { role: "ADMIN" });
    expect((await call(DELETE, "DELETE", admin, account.id)).status).toBe(204);
    expect((await call(GET, "GET", admin, account.id)).status).toBe(404);
    expect((await call(DELETE, "DELETE", admin, account.id)).status).toBe(404);
  });
});
