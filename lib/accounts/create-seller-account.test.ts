import { beforeEach, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { forEachDatabase } from "@/lib/db/testing";
import { withEmulator } from "@/lib/testing/with-emulator";
import { AppError } from "@/lib/errors/app-error";
import { OzonApiError } from "@/lib/ozon";
import { createSellerAccount } from "./create-seller-account";

const ozon = withEmulator({ asOzonApiUrl: true });

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

forEachDatabase("createSellerAccount", (db) => {
  beforeEach(async () => {
    await db.reset();
  });

  it("connects a Premium Plus seller: key encrypted, last four, statuses, expiry, sync due", async () => {
    const before = Date.now();
    const summary = await createSellerAccount(db.prisma, { name: " Домашний уют ", clientId: "demo-client", apiKey: "demo-api-key" });
    expect(summary).toMatchObject({
      name: "Домашний уют",
      clientId: "demo-client",
      apiKeyLast4: "-key",
      premiumStatus: "PREMIUM_PLUS",
      connectionStatus: "OK",
      keyExpiresSoon: false,
      sync: { phase: "IDLE", chatsDone: 0, chatsTotal: 0, lastError: null },
      totalUnread: 0,
    });
    expect(JSON.stringify(summary)).not.toContain("demo-api-key");
    // The emulator's demo key expires in 80 days.
    const expiresInDays = (Date.parse(summary.keyExpiresAt!) - before) / 86_400_000;
    expect(expiresInDays).toBeGreaterThan(79);
    expect(expiresInDays).toBeLessThan(81);

    const row = await db.prisma.sellerAccount.findUniqueOrThrow({ where: { id: summary.id }, include: { syncState: true } });
    expect(Buffer.from(row.apiKeyCiphertext).toString("latin1")).not.toContain("demo-api-key");
    expect(decryptSecret(row.apiKeyCiphertext)).toBe("demo-api-key");
    expect(row.syncState?.phase).toBe("IDLE");
    expect(row.syncState?.nextRunAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("refuses a Client-Id that is not a number in words, and the emulator's named sellers against Ozon's own API", async () => {
    await expect(createSellerAccount(db.prisma, { name: "Shop", clientId: "my-shop", apiKey: "demo-api-key" })).rejects.toThrow(
      /must be a number: Ozon's Client-Id is a positive whole number/,
    );
    const error = await refusal(
      createSellerAccount(db.prisma, { name: "Shop", clientId: "demo-client", apiKey: "demo-api-key" }, { ozonApiUrl: "https://api-seller.ozon.ru/" }),
    );
    expect(error).toMatchObject({ code: "client_id_not_a_number", message: expect.stringMatching(/Client-Id must be a number/) });
    expect(await db.prisma.sellerAccount.count()).toBe(0);
  });

  it.each([
    ["a wrong key", "demo-client", "wrong-api-key"],
    ["an unknown Client-Id", "999999999", "demo-api-key"],
  ])("refuses %s with words about the credentials, storing nothing", async (_case, clientId, apiKey) => {
    const error = await refusal(createSellerAccount(db.prisma, { name: "Shop", clientId, apiKey }));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "account_key_rejected" });
    expect((error as Error).message).toMatch(/Ozon did not accept this Client-Id and Api-Key/);
    expect((error as Error).message).not.toContain(apiKey);
    expect(await db.prisma.sellerAccount.count()).toBe(0);
  });

  it("refuses a seller without Premium Plus or Pro, with words about the subscription", async () => {
    const error = await refusal(createSellerAccount(db.prisma, { name: "Basic", clientId: "basic-client", apiKey: "basic-api-key" }));
    expect(error).toMatchObject({ code: "account_premium_required" });
    expect((error as Error).message).toMatch(/no premium subscription.*Premium Plus or Premium Pro/);
    expect(await db.prisma.sellerAccount.count()).toBe(0);
  });

  it("refuses a Client-Id that is already connected (409)", async () => {
    await createSellerAccount(db.prisma, { name: "One", clientId: "demo-client", apiKey: "demo-api-key" });
    const error = await refusal(createSellerAccount(db.prisma, { name: "Two", clientId: "demo-client", apiKey: "demo-api-key" }));
    expect(error).toMatchObject({ code: "account_already_connected", params: { clientId: "demo-client" } });
    expect(await db.prisma.sellerAccount.count()).toBe(1);
  });

  it("stores nothing when Ozon cannot be asked, and lets the Ozon error through", async () => {
    await ozon.control.addFault({ path: "/v1/seller/info", mode: "error", status: 503 });
    const error = await refusal(createSellerAccount(db.prisma, { name: "Shop", clientId: "demo-client", apiKey: "demo-api-key" }));
    expect(error).toBeInstanceOf(OzonApiError);
    expect(await db.prisma.sellerAccount.count()).toBe(0);
  });
});
