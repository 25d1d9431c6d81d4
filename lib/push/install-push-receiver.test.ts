import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";

import { useTestDatabaseInRoutes } from "@/lib/auth/testing";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { forEachDatabase } from "@/lib/db/testing";
import { PEER_ADDRESS_HEADER } from "@/lib/net/peer-address-header";
import packageJson from "@/package.json";

import { issuePushToken } from "./issue-push-token";
import { pushProcessingSettled } from "./start-push-processing";
import { servePushReceiver, type ServedPushReceiver } from "./test-helpers";

const CHAT = "b646d975-0c9c-4872-9f41-8b1e57181063";
const newMessage = {
  message_type: "TYPE_NEW_MESSAGE",
  chat_id: CHAT,
  chat_type: "Buyer_Seller",
  message_id: "3000000000817031942",
  created_at: "2022-07-18T20:58:04.528Z",
  user: { id: "115568", type: "Customer" },
  data: ["Текст сообщения"],
  seller_id: "7",
};

forEachDatabase("the push receiver in front of Next's handler", (db) => {
  useTestDatabaseInRoutes(db);
  let server: ServedPushReceiver;
  let accountId: string;
  let token: string;

  beforeAll(async () => {
    server = await servePushReceiver();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    await pushProcessingSettled();
    await db.reset();
    server.passedOn.length = 0;
    const account = await db.prisma.sellerAccount.create({
      data: { name: "Shop", clientId: "demo-client", apiKeyCiphertext: encryptSecret("demo-api-key"), apiKeyLast4: "-key" },
    });
    accountId = account.id;
    token = (await issuePushToken(db.prisma, accountId))!;
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

  it("answers Ozon's push itself: stored once, acknowledged with Ozon's body and every security header", async () => {
    const response = await post(`/api/push/${token}`, JSON.stringify(newMessage));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: true });
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-request-id")).toMatch(/\S/);
    expect(await db.prisma.pushEvent.count({ where: { accountId } })).toBe(1);
    expect(server.passedOn).toEqual([]);
    await pushProcessingSettled();
  });

  it("answers a ping and refuses an unknown token or an oversized body as the route does", async () => {
    const ping = await post(`/api/push/${token}?from=ozon`, JSON.stringify({ message_type: "TYPE_PING", time: "2019-08-24T14:15:22Z" }));
    expect(await ping.json()).toMatchObject({ version: packageJson.version, name: "Seller Inbox" });
    expect((await post(`/api/push/${"A".repeat(43)}`, JSON.stringify(newMessage))).status).toBe(404);
    expect((await post("/api/push/%E0%A4%A", JSON.stringify(newMessage))).status).toBe(404);
    expect((await post(`/api/push/${token}`, JSON.stringify({ ...newMessage, data: ["x".repeat(1024 * 1024)] }))).status).toBe(413);
    expect(await db.prisma.pushEvent.count()).toBe(0);
    expect(server.passedOn).toEqual([]);
  });

  it("judges the sender by the socket's address, whatever the request's headers claim", async () => {
    await db.prisma.sellerAccount.update({ where: { id: accountId }, data: { pushOzonNetworksOnly: true } });
    const forged = await post(`/api/push/${token}`, JSON.stringify(newMessage), { [PEER_ADDRESS_HEADER]: "195.34.21.7", "x-forwarded-for": "195.34.21.7" });
    expect(forged.status).toBe(403);
    expect(await db.prisma.pushEvent.count()).toBe(0);
  });

  it("passes every other request on to the server's own handler", async () => {
    expect((await fetch(`${server.url}/api/push/${token}`)).status).toBe(404);
    expect((await post(`/api/push/${token}/more`, "{}")).status).toBe(404);
    expect((await post(`/api/pushes/${token}`, "{}")).status).toBe(404);
    expect(server.passedOn).toEqual([`GET /api/push/${token}`, `POST /api/push/${token}/more`, `POST /api/pushes/${token}`]);
    expect(await db.prisma.pushEvent.count()).toBe(0);
  });
});
