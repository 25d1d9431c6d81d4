import { beforeEach, expect, it } from "vitest";

import { createTestUser, useTestDatabaseInRoutes, type TestUser } from "@/lib/auth/testing";
import { callRoute, jsonInit } from "@/lib/chats/test-helpers";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { forEachDatabase } from "@/lib/db/testing";
import { hashPushToken } from "@/lib/push/hash-push-token";
import type { PushSettings } from "@/lib/push/get-push-settings";

import { GET, PATCH, POST } from "./route";

type Answer = { push: PushSettings };

forEachDatabase("/api/accounts/[accountId]/push", (db) => {
  useTestDatabaseInRoutes(db);
  let accountId: string;
  let admin: TestUser;
  let agent: TestUser;

  beforeEach(async () => {
    await db.reset();
    const account = await db.prisma.sellerAccount.create({
      data: { name: "Shop", clientId: "demo-client", apiKeyCiphertext: encryptSecret("demo-api-key"), apiKeyLast4: "-key" },
    });
    accountId = account.id;
    admin = await createTestUser(db, { role: "ADMIN" });
    agent = await createTestUser(db, { accountIds: [accountId] });
  });

  const tokenOf = (url: string) => url.split("/api/push/")[1]!;

  it("issues the token on first look, shows the same URL again, and stores only its hash and ciphertext", async () => {
    const first = await callRoute<Answer>(GET, admin, "http://inbox.test:3000/settings", { accountId });
    expect(first.status).toBe(200);
    expect(first.body.push).toMatchObject({ lastPushAt: null, ozonNetworksOnly: false, networks: ["195.34.21.0/24", "185.73.192.0/22", "91.223.93.0/24"] });
    expect(first.body.push.url).toMatch(/^http:\/\/inbox\.test:3000\/api\/push\/[A-Za-z0-9_-]{43}$/);
    const again = await callRoute<Answer>(GET, admin, "http://inbox.test:3000/settings", { accountId });
    expect(again.body.push.url).toBe(first.body.push.url);
    const row = await db.prisma.sellerAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(row.pushTokenHash).toBe(hashPushToken(tokenOf(first.body.push.url)));
    expect(Buffer.from(row.pushTokenCiphertext!).toString("latin1")).not.toContain(tokenOf(first.body.push.url));
  });

  it("reissues: a new URL, the old hash gone", async () => {
    const before = await callRoute<Answer>(GET, admin, "/x", { accountId });
    const after = await callRoute<Answer>(POST, admin, "/x", { accountId }, { method: "POST" });
    expect(after.status).toBe(200);
    expect(after.body.push.url).not.toBe(before.body.push.url);
    expect(await db.prisma.sellerAccount.count({ where: { pushTokenHash: hashPushToken(tokenOf(before.body.push.url)) } })).toBe(0);
  });

  it("switches the networks option, refusing anything but a boolean", async () => {
    const on = await callRoute<Answer>(PATCH, admin, "/x", { accountId }, { ...jsonInit({ ozonNetworksOnly: true }), method: "PATCH" });
    expect(on.body.push.ozonNetworksOnly).toBe(true);
    const bad = await callRoute(PATCH, admin, "/x", { accountId }, { ...jsonInit({ ozonNetworksOnly: "yes" }), method: "PATCH" });
    expect(bad.status).toBe(400);
    expect((await db.prisma.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).pushOzonNetworksOnly).toBe(true);
  });

  it("never shows the URL to an agent, nor to someone without the account", async () => {
    const outsider = await createTestUser(db);
    expect((await callRoute(GET, agent, "/x", { accountId })).status).toBe(403);
    expect((await callRoute(POST, agent, "/x", { accountId }, { method: "POST" })).status).toBe(403);
    expect((await callRoute(GET, outsider, "/x", { accountId })).status).toBe(404);
    expect((await callRoute(GET, null, "/x", { accountId })).status).toBe(401);
    expect((await db.prisma.sellerAccount.findUniqueOrThrow({ where: { id: accountId } })).pushTokenHash).toBeNull();
  });
});
