import { beforeEach, expect, it } from "vitest";
import { createTestUser } from "@/lib/auth/testing";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { forEachDatabase, type TestDatabase } from "@/lib/db/testing";
import { withEmulator } from "@/lib/testing/with-emulator";
import { getAccountConnection } from "./get-account-connection";
import { getAccountLimiter } from "./get-account-limiter";
import { listAccountsForUser } from "./list-accounts-for-user";
import { removeSellerAccount } from "./remove-seller-account";
import { renameSellerAccount } from "./rename-seller-account";
import { testSellerAccountConnection } from "./test-seller-account-connection";
import { connectDemoAccount } from "./testing";
import { updateSellerAccountKey } from "./update-seller-account-key";

const ozon = withEmulator({ asOzonApiUrl: true });

/** A stored account the app could not have created (no premium), to see how checks record it. */
async function storeBasicAccount(db: TestDatabase) {
  return db.prisma.sellerAccount.create({
    data: { name: "Basic", clientId: "basic-client", apiKeyCiphertext: encryptSecret("basic-api-key"), apiKeyLast4: "-key", connectionStatus: "OK" },
  });
}

forEachDatabase("seller account operations", (db) => {
  beforeEach(async () => {
    await db.reset();
  });

  it("gives sync and routes a connection: decrypted key, OZON_API_URL, the shared limiter", async () => {
    const account = await connectDemoAccount(db.prisma);
    const connection = await getAccountConnection(db.prisma, account.id);
    expect(connection).toMatchObject({ baseUrl: ozon.url, clientId: "demo-client", apiKey: "demo-api-key", timeoutMs: 10_000 });
    expect(connection.limiter).toBe(getAccountLimiter(db.prisma, "demo-client"));
    await expect(getAccountConnection(db.prisma, "missing")).rejects.toMatchObject({ code: "account_not_found" });
  });

  it("says in words when the stored key cannot be decrypted", async () => {
    const account = await db.prisma.sellerAccount.create({
      data: { name: "Broken", clientId: "x", apiKeyCiphertext: new Uint8Array(40), apiKeyLast4: "abcd" },
    });
    await expect(getAccountConnection(db.prisma, account.id)).rejects.toMatchObject({ code: "account_key_unreadable" });
  });

  it("renames", async () => {
    const account = await connectDemoAccount(db.prisma);
    await renameSellerAccount(db.prisma, account.id, "  New name ");
    expect((await db.prisma.sellerAccount.findUniqueOrThrow({ where: { id: account.id } })).name).toBe("New name");
    await expect(renameSellerAccount(db.prisma, account.id, " ")).rejects.toThrow();
    await expect(renameSellerAccount(db.prisma, "missing", "x")).rejects.toMatchObject({ code: "account_not_found" });
  });

  it("replaces the key only with one Ozon accepts", async () => {
    const account = await connectDemoAccount(db.prisma);
    await expect(updateSellerAccountKey(db.prisma, account.id, "wrong-api-key")).rejects.toMatchObject({ code: "account_key_rejected" });
    const row = await db.prisma.sellerAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(decryptSecret(row.apiKeyCiphertext)).toBe("demo-api-key");

    await db.prisma.sellerAccount.update({ where: { id: account.id }, data: { connectionStatus: "BAD_CREDENTIALS", keyExpiresAt: null } });
    await updateSellerAccountKey(db.prisma, account.id, "demo-api-key");
    const updated = await db.prisma.sellerAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(updated.connectionStatus).toBe("OK");
    expect(updated.keyExpiresAt).not.toBeNull();
    expect(Buffer.from(updated.apiKeyCiphertext).equals(Buffer.from(row.apiKeyCiphertext))).toBe(false);
  });

  it("tests the connection and records OK, PREMIUM_REQUIRED, BAD_CREDENTIALS or ERROR", async () => {
    const account = await connectDemoAccount(db.prisma);
    expect(await testSellerAccountConnection(db.prisma, account.id)).toEqual({ connectionStatus: "OK", problem: null });

    const basic = await storeBasicAccount(db);
    const premium = await testSellerAccountConnection(db.prisma, basic.id);
    expect(premium.connectionStatus).toBe("PREMIUM_REQUIRED");
    expect(premium.problem).toMatchObject({ code: "account_premium_required", message: expect.stringMatching(/Premium Plus or Premium Pro/) });
    const basicRow = await db.prisma.sellerAccount.findUniqueOrThrow({ where: { id: basic.id } });
    expect(basicRow).toMatchObject({ connectionStatus: "PREMIUM_REQUIRED", premiumStatus: "NONE" });
    expect(basicRow.keyExpiresAt).not.toBeNull();

    await db.prisma.sellerAccount.update({ where: { id: account.id }, data: { apiKeyCiphertext: encryptSecret("revoked-key") } });
    const bad = await testSellerAccountConnection(db.prisma, account.id);
    expect(bad.connectionStatus).toBe("BAD_CREDENTIALS");
    expect(bad.problem).toMatchObject({ code: "account_key_rejected", message: expect.stringMatching(/did not accept/) });

    await db.prisma.sellerAccount.update({ where: { id: account.id }, data: { apiKeyCiphertext: encryptSecret("demo-api-key") } });
    await ozon.control.addFault({ path: "/v1/seller/info", mode: "error", status: 503 });
    const down = await testSellerAccountConnection(db.prisma, account.id);
    expect(down.connectionStatus).toBe("ERROR");
    expect(down.problem).toMatchObject({ code: "ozon_unavailable", message: expect.stringMatching(/Ozon/) });
    const row = await db.prisma.sellerAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(row).toMatchObject({ connectionStatus: "ERROR", premiumStatus: "PREMIUM_PLUS" });
  });

  it("removes an account with everything that belongs to it", async () => {
    const account = await connectDemoAccount(db.prisma);
    const agent = await createTestUser(db, { accountIds: [account.id] });
    await db.prisma.chat.create({
      data: { accountId: account.id, ozonChatId: "c1", type: "buyer_seller", isBuyerChat: true, createdAt: new Date(), unreadCount: 2 },
    });
    await removeSellerAccount(db.prisma, account.id);
    expect(await db.prisma.sellerAccount.count()).toBe(0);
    expect(await db.prisma.chat.count()).toBe(0);
    expect(await db.prisma.syncState.count()).toBe(0);
    expect(await db.prisma.accountMembership.count({ where: { userId: agent.id } })).toBe(0);
    await expect(removeSellerAccount(db.prisma, account.id)).rejects.toMatchObject({ code: "account_not_found" });
  });

  it("lists the accounts a user may work, with unread totals, sync progress and expiry warnings", async () => {
    const demo = await connectDemoAccount(db.prisma, "B demo");
    const other = await db.prisma.sellerAccount.create({
      data: {
        name: "A other",
        clientId: "other",
        apiKeyCiphertext: encryptSecret("other-key"),
        apiKeyLast4: "-key",
        keyExpiresAt: new Date(Date.now() + 5 * 86_400_000),
      },
    });
    for (const [n, unread] of [[1, 2], [2, 3], [3, 0]] as const) {
      await db.prisma.chat.create({
        data: { accountId: demo.id, ozonChatId: `c${n}`, type: "buyer_seller", isBuyerChat: true, createdAt: new Date(), unreadCount: unread },
      });
    }
    await db.prisma.syncState.update({
      where: { accountId: demo.id },
      data: { phase: "IMPORTING", chatsDone: 3, chatsTotal: 45, lastError: "Ozon did not answer in time.", lastErrorAt: new Date() },
    });
    const admin = await createTestUser(db, { role: "ADMIN" });
    const agent = await createTestUser(db, { accountIds: [demo.id] });
    const loner = await createTestUser(db);

    const all = await listAccountsForUser(db.prisma, admin);
    expect(all.map((a) => a.name)).toEqual(["A other", "B demo"]);
    expect(all[0]).toMatchObject({ id: other.id, keyExpiresSoon: true, totalUnread: 0, sync: { phase: "IDLE" } });
    expect(all[1]).toMatchObject({
      totalUnread: 5,
      keyExpiresSoon: false,
      sync: { phase: "IMPORTING", chatsDone: 3, chatsTotal: 45, lastError: "Ozon did not answer in time." },
    });
    expect((await listAccountsForUser(db.prisma, agent)).map((a) => a.id)).toEqual([demo.id]);
    expect(await listAccountsForUser(db.prisma, loner)).toEqual([]);
    expect(JSON.stringify(all)).not.toMatch(/demo-api-key|other-key|ciphertext/i);
  });
});
