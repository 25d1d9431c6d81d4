import { beforeEach, expect, it } from "vitest";
import { createTestUser, requestAs, useTestDatabaseInRoutes } from "@/lib/auth/testing";
import { forEachDatabase, type TestDatabase } from "@/lib/db/testing";
import { accountRoute } from "./account-route";

const show = accountRoute(async ({ user, account, params }) => ({ userId: user.id, account, params }));
const adminOnly = accountRoute(async ({ account }) => ({ id: account.id }), { admin: true });

async function makeAccount(db: TestDatabase, clientId: string) {
  return db.prisma.sellerAccount.create({
    data: { name: `Shop ${clientId}`, clientId, apiKeyCiphertext: new Uint8Array([1, 2, 3]), apiKeyLast4: "abcd" },
  });
}

const context = (accountId: string) => ({ params: Promise.resolve({ accountId }) });

forEachDatabase("accountRoute", (db) => {
  useTestDatabaseInRoutes(db);
  beforeEach(() => db.reset());

  it("gives a member the account, without its encrypted key", async () => {
    const account = await makeAccount(db, "111");
    const agent = await createTestUser(db, { accountIds: [account.id] });
    const response = await show(await requestAs(agent, `/api/accounts/${account.id}`), context(account.id));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.account).toMatchObject({ id: account.id, clientId: "111", apiKeyLast4: "abcd" });
    expect(body.account).not.toHaveProperty("apiKeyCiphertext");
    expect(body.params).toEqual({ accountId: account.id });
  });

  it("answers 404 to an agent without the right, exactly as for a missing account", async () => {
    const mine = await makeAccount(db, "111");
    const theirs = await makeAccount(db, "222");
    const agent = await createTestUser(db, { accountIds: [mine.id] });
    const forbidden = await show(await requestAs(agent, "/x"), context(theirs.id));
    const missing = await show(await requestAs(agent, "/x"), context("no-such-account"));
    expect(forbidden.status).toBe(404);
    expect(missing.status).toBe(404);
    const body = await forbidden.json();
    expect(body).toEqual(await missing.json());
    expect(body.error).toEqual({ code: "account_not_found", message: "This seller account does not exist or you do not have access to it." });
  });

  it("lets an administrator work every account", async () => {
    const account = await makeAccount(db, "111");
    const admin = await createTestUser(db, { role: "ADMIN" });
    expect((await show(await requestAs(admin, "/x"), context(account.id))).status).toBe(200);
    expect((await adminOnly(await requestAs(admin, "/x"), context(account.id))).status).toBe(200);
  });

  it("on an admin route: 404 for a stranger, 403 for a member who is no administrator", async () => {
    const account = await makeAccount(db, "111");
    const member = await createTestUser(db, { accountIds: [account.id] });
    const stranger = await createTestUser(db);
    expect((await adminOnly(await requestAs(stranger, "/x"), context(account.id))).status).toBe(404);
    expect((await adminOnly(await requestAs(member, "/x"), context(account.id))).status).toBe(403);
  });

  it("answers 401 before looking at the account", async () => {
    const response = await show(new Request("http://localhost/x"), context("anything"));
    expect(response.status).toBe(401);
  });
});
