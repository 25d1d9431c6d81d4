import { afterEach, beforeEach, expect, it } from "vitest";

import { useTestDatabaseInRoutes } from "@/lib/auth/testing";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { forEachDatabase } from "@/lib/db/testing";
import { captureLogLines } from "@/lib/log/testing";
import { resetEnvCache } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "@/lib/net/peer-address-header";
import { issuePushToken } from "@/lib/push/issue-push-token";
import { pushProcessingSettled } from "@/lib/push/start-push-processing";
import { withEmulator } from "@/lib/testing/with-emulator";
import packageJson from "@/package.json";

import { POST } from "./route";

const emulator = withEmulator({ asOzonApiUrl: true });

const CHAT = "b646d975-0c9c-4872-9f41-8b1e57181063";
const newMessage = (over: Record<string, unknown> = {}) => ({
  message_type: "TYPE_NEW_MESSAGE",
  chat_id: CHAT,
  chat_type: "Buyer_Seller",
  message_id: "3000000000817031942",
  created_at: "2022-07-18T20:58:04.528Z",
  user: { id: "115568", type: "Сustomer" },
  data: ["Текст сообщения"],
  seller_id: "7",
  ...over,
});

forEachDatabase("POST /api/push/[token]", (db) => {
  useTestDatabaseInRoutes(db);
  let accountId: string;
  let token: string;

  beforeEach(async () => {
    await db.reset();
    const account = await db.prisma.sellerAccount.create({
      data: { name: "Shop", clientId: "demo-client", apiKeyCiphertext: encryptSecret("demo-api-key"), apiKeyLast4: "-key" },
    });
    accountId = account.id;
    token = (await issuePushToken(db.prisma, accountId))!;
  });
  // Chat events are applied in the background; let that finish before the database is emptied.
  afterEach(() => pushProcessingSettled());

  async function push(body: unknown, options: { token?: string; headers?: Record<string, string> } = {}) {
    const request = new Request(`http://localhost/api/push/${options.token ?? token}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...options.headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    const response = await POST(request, { params: Promise.resolve({ token: options.token ?? token }) });
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function counts() {
    const state = await db.prisma.syncState.findUnique({ where: { accountId } });
    return { events: await db.prisma.pushEvent.count(), chats: await db.prisma.chat.count(), lastPushAt: state?.lastPushAt ?? null };
  }

  it("answers TYPE_PING with the app's name, version and the time processing started, changing nothing", async () => {
    const before = Date.now();
    const { status, body } = await push({ message_type: "TYPE_PING", time: "2019-08-24T14:15:22Z" });
    expect(status).toBe(200);
    expect(body).toEqual({ version: packageJson.version, name: "Seller Inbox", time: expect.any(String) });
    expect(Date.parse(body.time as string)).toBeGreaterThanOrEqual(before - 1);
    expect(body.time).toMatch(/Z$/);
    expect(await counts()).toEqual({ events: 0, chats: 0, lastPushAt: null });
  });

  it("stores a buyer's text holding NUL and lone surrogates (PostgreSQL refuses them) and answers 200", async () => {
    // JSON.stringify writes the NUL as \u0000 and the lone surrogate as \ud800: as Ozon sends them.
    const { status } = await push(newMessage({ data: ["до\u0000после \ud800"], chat_id: `${CHAT}\u0000` }));
    expect(status).toBe(200);
    const [event] = await db.prisma.pushEvent.findMany();
    expect(event!.payload).toMatchObject({ data: ["до\uFFFDпосле \uFFFD"], chat_id: `${CHAT}\uFFFD` });
    await pushProcessingSettled();
  });

  it("acknowledges a burst of pushes arriving at once, each stored once, repeats included", async () => {
    const ids = Array.from({ length: 300 }, (_, i) => String(3000000000817100000n + BigInt(i)));
    const answers = await Promise.all([...ids, ...ids.slice(0, 50)].map((id) => push(newMessage({ message_id: id }))));
    expect(answers.filter((a) => a.status !== 200 || a.body.result !== true)).toEqual([]);
    const events = await db.prisma.pushEvent.findMany({ select: { dedupeKey: true } });
    expect(events.map((e) => e.dedupeKey).sort()).toEqual(ids.map((id) => `TYPE_NEW_MESSAGE:${CHAT}:${id}`).sort());
    expect((await counts()).lastPushAt).not.toBeNull();
    await pushProcessingSettled();
  });

  it("queues a chat event once however often it is delivered, and records when pushes arrive", async () => {
    const first = await push(newMessage());
    const again = await push(newMessage({ seller_id: 7 }));
    expect(first).toEqual({ status: 200, body: { result: true } });
    expect(again).toEqual({ status: 200, body: { result: true } });
    const events = await db.prisma.pushEvent.findMany();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      accountId,
      messageType: "TYPE_NEW_MESSAGE",
      dedupeKey: `TYPE_NEW_MESSAGE:${CHAT}:3000000000817031942`,
    });
    // Ids stay decimal strings: never through a JS number.
    expect((events[0]!.payload as { message_id: string }).message_id).toBe("3000000000817031942");
    expect((await counts()).lastPushAt).not.toBeNull();
  });

  it("keeps a 64-bit id sent as a bare JSON number exact", async () => {
    const raw = JSON.stringify(newMessage()).replace('"3000000000817031942"', "3000000000817031943");
    expect((await push(raw)).status).toBe(200);
    const event = await db.prisma.pushEvent.findFirstOrThrow();
    expect((event.payload as { message_id: string }).message_id).toBe("3000000000817031943");
  });

  it("keeps the dedupe keys of edits, reads and closes apart", async () => {
    const base = { chat_id: CHAT, chat_type: "Buyer_Seller", seller_id: 7 };
    await push(newMessage({ message_type: "TYPE_UPDATE_MESSAGE", updated_at: "2022-07-18T21:00:00Z" }));
    await push(newMessage({ message_type: "TYPE_UPDATE_MESSAGE", updated_at: "2022-07-18T21:05:00Z" }));
    await push({ ...base, message_type: "TYPE_MESSAGE_READ", last_read_message_id: "3000000000817031942", user: { id: "1", type: "Customer" } });
    await push({ ...base, message_type: "TYPE_MESSAGE_READ", last_read_message_id: 3000000000817031942n.toString() });
    await push({ ...base, message_type: "TYPE_CHAT_CLOSED", user: { id: "1", type: "Customer" } });
    await push({ ...base, message_type: "TYPE_CHAT_CLOSED" });
    const keys = (await db.prisma.pushEvent.findMany({ orderBy: { id: "asc" } })).map((e) => e.dedupeKey);
    expect(keys).toEqual([
      `TYPE_UPDATE_MESSAGE:${CHAT}:3000000000817031942:2022-07-18T21:00:00.000Z`,
      `TYPE_UPDATE_MESSAGE:${CHAT}:3000000000817031942:2022-07-18T21:05:00.000Z`,
      `TYPE_MESSAGE_READ:${CHAT}:3000000000817031942`,
      `TYPE_CHAT_CLOSED:${CHAT}`,
    ]);
  });

  it("answers Ozon's other notification types, and any type Ozon adds later, with result:true and ignores them", async () => {
    for (const type of ["TYPE_NEW_POSTING", "TYPE_STATE_CHANGED", "TYPE_ORDER_NEW", "TYPE_SOMETHING_NEW_IN_2027"]) {
      expect(await push({ message_type: type, posting_number: "1-1", seller_id: 7 })).toEqual({ status: 200, body: { result: true } });
    }
    // Even shaped like a chat message: a type the inbox does not know is not applied.
    expect(await push(newMessage({ message_type: "TYPE_SOMETHING" }))).toEqual({ status: 200, body: { result: true } });
    expect(await counts()).toEqual({ events: 0, chats: 0, lastPushAt: null });
  });

  it.each([
    ["a wrong token", () => push(newMessage(), { token: "A".repeat(43) }), 404, "ERROR_UNKNOWN", /not .*valid/],
    ["a token of the wrong shape", () => push(newMessage(), { token: "x" }), 404, "ERROR_UNKNOWN", /not .*valid/],
    ["a body that is not JSON", () => push("{message_type:"), 400, "ERROR_UNKNOWN", /not valid JSON/],
    ["a JSON array", () => push([1, 2]), 400, "ERROR_UNKNOWN", /JSON object/],
    ["a missing message_type", () => push({ chat_id: CHAT }), 400, "ERROR_PARAMETER_VALUE_MISSED", /message_type/],
    ["a missing message_id", () => push(newMessage({ message_id: undefined })), 400, "ERROR_PARAMETER_VALUE_MISSED", /^message_id is missing/],
    ["an invalid message_id", () => push(newMessage({ message_id: "12abc" })), 400, "ERROR_PARAMETER_VALUE_MISSED", /^message_id is invalid/],
    ["an invalid created_at", () => push(newMessage({ created_at: "yesterday" })), 400, "ERROR_PARAMETER_VALUE_MISSED", /^created_at/],
    ["a missing user.type", () => push(newMessage({ user: { id: "1" } })), 400, "ERROR_PARAMETER_VALUE_MISSED", /^user\.type/],
    ["an edit without updated_at", () => push(newMessage({ message_type: "TYPE_UPDATE_MESSAGE" })), 400, "ERROR_PARAMETER_VALUE_MISSED", /^updated_at/],
    [
      "a read without last_read_message_id",
      () => push({ message_type: "TYPE_MESSAGE_READ", chat_id: CHAT, chat_type: "Buyer_Seller" }),
      400,
      "ERROR_PARAMETER_VALUE_MISSED",
      /^last_read_message_id/,
    ],
    ["a close without chat_id", () => push({ message_type: "TYPE_CHAT_CLOSED", chat_type: "Buyer_Seller" }), 400, "ERROR_PARAMETER_VALUE_MISSED", /^chat_id/],
  ] as const)("refuses %s with Ozon's error body and changes nothing", async (_, send, status, code, message) => {
    const answer = await send();
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ error: { code, message: expect.stringMatching(message), details: null } });
    expect(await counts()).toEqual({ events: 0, chats: 0, lastPushAt: null });
  });

  it("refuses a body over 1 MiB", async () => {
    const answer = await push(newMessage({ data: ["x".repeat(1024 * 1024)] }));
    expect(answer).toMatchObject({ status: 413, body: { error: { code: "ERROR_UNKNOWN", details: null } } });
    expect((await counts()).events).toBe(0);
  });

  it("with the networks option, accepts only Ozon's source addresses, by the socket's address unless a trusted proxy says", async () => {
    const peer = (address: string, forwardedFor?: string) => ({
      headers: { [PEER_ADDRESS_HEADER]: address, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
    });
    await db.prisma.sellerAccount.update({ where: { id: accountId }, data: { pushOzonNetworksOnly: true } });
    const outside = await push(newMessage(), peer("203.0.113.9"));
    expect(outside).toEqual({
      status: 403,
      body: { error: { code: "ERROR_UNKNOWN", message: "Pushes to this URL are accepted only from Ozon's networks.", details: null } },
    });
    expect((await push(newMessage(), { headers: {} })).status).toBe(403);
    // A client's own X-Forwarded-For naming Ozon's network changes nothing without a trusted proxy.
    expect((await push(newMessage(), peer("203.0.113.9", "195.34.21.7"))).status).toBe(403);
    expect(await counts()).toEqual({ events: 0, chats: 0, lastPushAt: null });
    for (const [address, id] of [["195.34.21.200", "1"], ["185.73.195.1", "2"], ["::ffff:91.223.93.7", "3"]] as const) {
      expect((await push({ message_type: "TYPE_PING", time: "x" }, peer(address))).status).toBe(200);
      expect((await push(newMessage({ message_id: id }), peer(address))).status).toBe(200);
    }
    expect((await counts()).events).toBe(3);
    // Behind a trusted proxy its X-Forwarded-For counts, read from the right: what the client prepended does not.
    process.env.TRUSTED_PROXIES = "10.0.0.0/8";
    resetEnvCache();
    try {
      expect((await push(newMessage({ message_id: "5" }), peer("10.0.0.1", "195.34.21.7"))).status).toBe(200);
      expect((await push(newMessage({ message_id: "6" }), peer("10.0.0.1", "195.34.21.7, 203.0.113.9"))).status).toBe(403);
      expect((await push(newMessage({ message_id: "6" }), peer("203.0.113.9", "195.34.21.7"))).status).toBe(403);
    } finally {
      delete process.env.TRUSTED_PROXIES;
      resetEnvCache();
    }
    // Without the option any address is accepted.
    await db.prisma.sellerAccount.update({ where: { id: accountId }, data: { pushOzonNetworksOnly: false } });
    expect((await push(newMessage({ message_id: "4" }), peer("203.0.113.9"))).status).toBe(200);
  });

  it("retires the old URL at once when a new one is issued", async () => {
    const old = token;
    const fresh = (await issuePushToken(db.prisma, accountId))!;
    expect(fresh).not.toBe(old);
    expect((await push(newMessage(), { token: old })).status).toBe(404);
    expect((await push(newMessage(), { token: fresh })).status).toBe(200);
  });

  it("never writes the token to the log", async () => {
    // Every line the logger writes, at every level.
    const lines = await captureLogLines(async () => {
      await push(newMessage());
      await push("not json");
      await push(newMessage(), { token: "B".repeat(43) });
      await pushProcessingSettled();
    });
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toContain(token);
    expect(emulator.url).toBeTruthy();
  });
});
