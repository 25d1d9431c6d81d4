import { beforeEach, expect, it } from "vitest";
import { connectDemoAccount } from "@/lib/accounts/testing";
import { createTestUser, requestAs, useTestDatabaseInRoutes, type TestUser } from "@/lib/auth/testing";
import { forEachDatabase } from "@/lib/db/testing";
import { captureLogLines } from "@/lib/log/testing";
import { withEmulator } from "@/lib/testing/with-emulator";
import { GET as getOne, PATCH } from "./[accountId]/route";
import { GET, POST } from "./route";

const ozon = withEmulator({ asOzonApiUrl: true });

function json(body: unknown): RequestInit {
  return { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) };
}

async function post(user: TestUser | null, body: unknown) {
  const request = user ? await requestAs(user, "/api/accounts", json(body)) : new Request("http://localhost/api/accounts", json(body));
  const response = await POST(request);
  return { status: response.status, text: await response.clone().text(), body: await response.json() };
}

forEachDatabase("/api/accounts", (db) => {
  useTestDatabaseInRoutes(db);
  beforeEach(async () => {
    await db.reset();
  });

  it("answers 401 without a session", async () => {
    expect((await GET(new Request("http://localhost/api/accounts"))).status).toBe(401);
    expect((await post(null, { name: "x", clientId: "demo-client", apiKey: "demo-api-key" })).status).toBe(401);
  });

  it("lists only the accounts an agent may work; an admin sees all", async () => {
    const demo = await connectDemoAccount(db.prisma);
    await db.prisma.sellerAccount.create({ data: { name: "Other", clientId: "other", apiKeyCiphertext: new Uint8Array(40), apiKeyLast4: "1234" } });
    const agent = await createTestUser(db, { accountIds: [demo.id] });
    const admin = await createTestUser(db, { role: "ADMIN" });
    const mine = await (await GET(await requestAs(agent, "/api/accounts"))).json();
    expect(mine.accounts.map((a: { id: string }) => a.id)).toEqual([demo.id]);
    const all = await (await GET(await requestAs(admin, "/api/accounts"))).json();
    expect(all.accounts).toHaveLength(2);
  });

  it("lets only an administrator connect an account", async () => {
    const agent = await createTestUser(db);
    const refused = await post(agent, { name: "Shop", clientId: "demo-client", apiKey: "demo-api-key" });
    expect(refused.status).toBe(403);
    expect(await db.prisma.sellerAccount.count()).toBe(0);

    const admin = await createTestUser(db, { role: "ADMIN" });
    const created = await post(admin, { name: "Shop", clientId: "demo-client", apiKey: "demo-api-key" });
    expect(created.status).toBe(201);
    expect(created.body.account).toMatchObject({ name: "Shop", clientId: "demo-client", apiKeyLast4: "-key", connectionStatus: "OK" });
    expect(created.text).not.toContain("demo-api-key");

    const again = await post(admin, { name: "Shop", clientId: "demo-client", apiKey: "demo-api-key" });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "account_already_connected", clientId: "demo-client" });
  });

  it("refuses bad credentials and a seller without premium, in words", async () => {
    const admin = await createTestUser(db, { role: "ADMIN" });
    const bad = await post(admin, { name: "Shop", clientId: "demo-client", apiKey: "wrong-api-key" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("account_key_rejected");
    expect(bad.body.error.message).toMatch(/Client-Id and Api-Key/);
    expect(bad.text).not.toContain("wrong-api-key");

    const basic = await post(admin, { name: "Basic", clientId: "basic-client", apiKey: "basic-api-key" });
    expect(basic.status).toBe(422);
    expect(basic.body.error.code).toBe("account_premium_required");
    expect(basic.body.error.message).toMatch(/Premium Plus or Premium Pro/);
  });

  it.each([
    [{ clientId: "demo-client", apiKey: "demo-api-key" }, "name"],
    [{ name: "Shop", clientId: 123, apiKey: "demo-api-key" }, "clientId"],
    [{ name: "Shop", clientId: "demo-client" }, "apiKey"],
    [{ name: ["Shop"], clientId: "demo-client", apiKey: "demo-api-key" }, "name"],
    [{ name: "Shop", clientId: "demo client", apiKey: "demo-api-key" }, "clientId"],
    [{ name: "Shop", clientId: "my-shop", apiKey: "demo-api-key" }, "clientId"],
  ])("refuses %j naming the field", async (body, field) => {
    const admin = await createTestUser(db, { role: "ADMIN" });
    const result = await post(admin, body);
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe("invalid_input");
    expect(result.body.error.message).toContain(field);
  });

  it("refuses non-JSON and oversize bodies", async () => {
    const admin = await createTestUser(db, { role: "ADMIN" });
    expect((await post(admin, "name=Shop")).status).toBe(400);
    const huge = await post(admin, { name: "Shop", clientId: "demo-client", apiKey: "k".repeat(100 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("payload_too_large");
  });

  it("keeps the Api-Key out of every response body and every log line", async () => {
    const bodies: string[] = [];
    const statuses: number[] = [];
    // Every line the logger writes, at every level.
    const lines = await captureLogLines(async () => {
      const admin = await createTestUser(db, { role: "ADMIN" });
      const keep = async (response: Response) => {
        bodies.push(await response.text());
        statuses.push(response.status);
        return response;
      };
      await keep(await POST(await requestAs(admin, "/api/accounts", json({ name: "Shop", clientId: "demo-client", apiKey: "wrong-secret-key-1" }))));
      await keep(await POST(await requestAs(admin, "/api/accounts", json({ name: "Shop", clientId: "demo-client", apiKey: "demo-api-key" }))));
      const [account] = await db.prisma.sellerAccount.findMany();
      const context = { params: Promise.resolve({ accountId: account!.id }) };
      await keep(await GET(await requestAs(admin, "/api/accounts")));
      await keep(await getOne(await requestAs(admin, `/api/accounts/${account!.id}`), context));
      const patch = (body: unknown) => requestAs(admin, `/api/accounts/${account!.id}`, { ...json(body), method: "PATCH" });
      await keep(await PATCH(await patch({ apiKey: "wrong-secret-key-2" }), context));
      await ozon.control.addFault({ mode: "drop", count: 10 });
      await keep(await PATCH(await patch({ testConnection: true }), context));
      await ozon.control.clearFaults();
      await ozon.control.addFault({ mode: "error", status: 500, count: 10 });
      await keep(await POST(await requestAs(admin, "/api/accounts", json({ name: "Shop", clientId: "987654321", apiKey: "wrong-secret-key-3" }))));
    });
    // bad key, created, list, one, bad replacement key, test with Ozon unreachable (recorded as ERROR), Ozon failing
    expect(statuses).toEqual([422, 201, 200, 200, 422, 200, 503]);
    expect(JSON.parse(bodies[5]!).check.connectionStatus).toBe("ERROR");
    expect(bodies.join("\n")).toContain("-key"); // the last four are shown, as intended
    for (const secret of ["demo-api-key", "wrong-secret-key-1", "wrong-secret-key-2", "wrong-secret-key-3"]) {
      expect(bodies.join("\n")).not.toContain(secret);
      expect(JSON.stringify(lines)).not.toContain(secret);
    }
  });
});
