/** Push notifications: config, payloads of every type, drops, delay, timeout, retries, ping, the log across reset. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pushChatType } from "./push-payloads";
import { DEMO, startTestEmulator, type PushRecord, type TestEmulator } from "./testing";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

interface Received {
  at: number;
  contentType: string;
  method: string;
  body: Any;
}

/** What the receiver answers to the next requests; afterwards 200 {"result": true}. */
interface Reply {
  status?: number;
  delayMs?: number;
  body?: unknown;
  contentType?: string;
}

/** A seller's push endpoint in miniature: records every request and answers from a script. */
function startReceiver(): Promise<{ server: Server; url: string; received: Received[]; script: Reply[] }> {
  const received: Received[] = [];
  const script: Reply[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const at = performance.timeOrigin + performance.now();
      const text = Buffer.concat(chunks).toString("utf8");
      received.push({ at, contentType: String(req.headers["content-type"]), method: req.method ?? "", body: JSON.parse(text) });
      const reply = script.shift() ?? {};
      const answer = () => {
        if (res.destroyed) return;
        const body = reply.body ?? (received.at(-1)!.body.message_type === "TYPE_PING" ? { version: "1.0", name: "test", time: new Date().toISOString() } : { result: true });
        res.writeHead(reply.status ?? 200, { "Content-Type": reply.contentType ?? "application/json" });
        res.end(typeof body === "string" ? body : JSON.stringify(body));
      };
      if (reply.delayMs) setTimeout(answer, reply.delayMs);
      else answer();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/ozon-push?secret=s3cr3t`, received, script });
    });
  });
}

let emulator: TestEmulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const ctl = () => emulator.control;

beforeAll(async () => {
  receiver = await startReceiver();
  emulator = await startTestEmulator({ rateLimit: 0, push: { url: receiver.url, retryDelaysMs: [50, 100] } });
});

afterAll(async () => {
  await emulator.close();
  receiver.server.closeAllConnections();
  await new Promise((resolve) => receiver.server.close(resolve));
});

beforeEach(async () => {
  await ctl().reset();
  // The config survives reset; the per-test knobs are set back here.
  await ctl().configurePush({ url: receiver.url, delay_ms: 0, jitter_ms: 0, drop_rate: 0, timeout_ms: 5000, retry_delays_ms: [50, 100] });
  receiver.received.length = 0;
  receiver.script.length = 0;
});

async function settled(count: number): Promise<PushRecord[]> {
  const { done, pushes } = await ctl().waitForPushes(count, { timeoutMs: 10_000 });
  expect(done).toBe(true);
  return pushes;
}

async function chats() {
  return (await ctl().state()).chats;
}

async function buyerChatWithSellerMessage() {
  return (await chats()).find((c) => c.chat_type === "BUYER_SELLER" && c.messages.some((m) => m.user.type === "Seller"))!;
}

describe("push payloads (§11.4)", () => {
  it("a buyer message: TYPE_NEW_MESSAGE, POSTed as JSON, ids as strings, seller_id a number", async () => {
    const chat = (await chats()).find((c) => c.chat_type === "BUYER_SELLER")!;
    const sent = await ctl().buyerMessage({ chat_id: chat.chat_id, text: "Где мой **заказ**?" });
    const [push] = await settled(1);
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    expect(got.method).toBe("POST");
    expect(got.contentType).toBe("application/json");
    const sellerId = Number((await ctl().state()).sellers.find((s) => s.client_id === DEMO.clientId)!.seller_id);
    expect(got.body).toEqual({
      message_type: "TYPE_NEW_MESSAGE",
      chat_id: chat.chat_id,
      chat_type: "Buyer_Seller",
      message_id: sent.message_id,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      user: { id: expect.any(String), type: "Customer" },
      data: ["Где мой **заказ**?"],
      seller_id: sellerId,
    });
    expect(typeof got.body.seller_id).toBe("number");
    expect(got.body.user.id).toBe(chat.messages.find((m) => m.user.type !== "Seller")?.user.id ?? got.body.user.id);
    // The log carries the same payload and one successful attempt.
    expect(push).toMatchObject({ client_id: DEMO.clientId, message_type: "TYPE_NEW_MESSAGE", chat_id: chat.chat_id, message_id: sent.message_id, delivered: true, dropped: false });
    expect(push!.payload).toEqual(got.body);
    expect(push!.attempts).toHaveLength(1);
    expect(push!.attempts[0]).toMatchObject({ status: 200, error: null });
    expect(push!.attempts[0]!.sent_at).toBeLessThanOrEqual(got.at);
  });

  it("a support message: TYPE_NEW_MESSAGE from Support in a Seller_Support chat", async () => {
    const sent = await ctl().supportMessage({ text: "Ваше обращение рассмотрено." });
    await settled(1);
    const body = receiver.received[0]!.body;
    expect(body).toMatchObject({ message_type: "TYPE_NEW_MESSAGE", chat_id: sent.chat_id, chat_type: "Seller_Support", message_id: sent.message_id, user: { type: "Support" }, data: ["Ваше обращение рассмотрено."] });
  });

  it("a notification-user message: TYPE_NEW_MESSAGE from NotificationUser", async () => {
    const chat = (await chats()).find((c) => c.chat_type.startsWith("SELLER_NOTIFICATION"))!;
    await ctl().supportMessage({ chat_id: chat.chat_id, text: "Новое уведомление" });
    await settled(1);
    expect(receiver.received[0]!.body).toMatchObject({ chat_type: pushChatType(chat.chat_type), user: { type: "NotificationUser" } });
    expect(pushChatType("SELLER_NOTIFICATION_LOGISTICS")).toBe("Seller_Notification_Logistics");
  });

  it("buyer-read: TYPE_MESSAGE_READ with last_read_message_id = the newest seller message", async () => {
    const chat = await buyerChatWithSellerMessage();
    const newestSeller = chat.messages.filter((m) => m.user.type === "Seller").at(-1)!;
    const answer = await ctl().buyerRead(chat.chat_id);
    expect(answer.last_read_message_id).toBe(newestSeller.message_id);
    await settled(1);
    const body = receiver.received[0]!.body;
    expect(body).toEqual({
      message_type: "TYPE_MESSAGE_READ",
      chat_id: chat.chat_id,
      chat_type: "Buyer_Seller",
      message_id: newestSeller.message_id,
      created_at: expect.any(String),
      user: { id: expect.any(String), type: "Customer" },
      last_read_message_id: newestSeller.message_id,
      seller_id: expect.any(Number),
    });
    const history = (await chats()).find((c) => c.chat_id === chat.chat_id)!.messages;
    expect(history.filter((m) => m.user.type === "Seller").every((m) => m.is_read)).toBe(true);
  });

  it("buyer-read of a chat without seller messages is a 400, and sends nothing", async () => {
    const chat = (await chats()).find((c) => c.messages.every((m) => m.user.type !== "Seller"))!;
    await expect(ctl().buyerRead(chat.chat_id)).rejects.toThrow(/400.*no seller message/);
    expect(await ctl().pushes()).toEqual([]);
  });

  it("close-chat: the chat is CLOSED and TYPE_CHAT_CLOSED carries only who closed it", async () => {
    const chat = (await chats()).find((c) => c.chat_type === "BUYER_SELLER" && c.chat_status === "OPENED")!;
    expect(await ctl().closeChat(chat.chat_id)).toEqual({ chat_id: chat.chat_id, chat_status: "CLOSED" });
    await settled(1);
    expect(receiver.received[0]!.body).toEqual({
      message_type: "TYPE_CHAT_CLOSED",
      chat_id: chat.chat_id,
      chat_type: "Buyer_Seller",
      user: { id: expect.any(String), type: "Customer" },
      seller_id: expect.any(Number),
    });
    expect((await chats()).find((c) => c.chat_id === chat.chat_id)!.chat_status).toBe("CLOSED");
    await expect(ctl().closeChat(chat.chat_id)).rejects.toThrow(/400.*already closed/);
  });

  it("update-message: the stored message changes and TYPE_UPDATE_MESSAGE carries it with updated_at", async () => {
    const chat = (await chats()).find((c) => c.messages.some((m) => m.is_image && m.user.type !== "Seller"))!;
    const image = chat.messages.find((m) => m.is_image && m.user.type !== "Seller")!;
    const updated = await ctl().updateMessage({ chat_id: chat.chat_id, message_id: image.message_id, moderate_image_status: "FAILED" });
    expect(updated.moderate_image_status).toBe("FAILED");
    const edited = await ctl().updateMessage({ chat_id: chat.chat_id, message_id: image.message_id, text: "![image](https://cdn.ozon.example/x.jpg)" });
    expect(edited.data).toEqual(["![image](https://cdn.ozon.example/x.jpg)"]);
    await settled(2);
    const [first, second] = receiver.received.map((r) => r.body);
    expect(first).toEqual({
      message_type: "TYPE_UPDATE_MESSAGE",
      chat_id: chat.chat_id,
      chat_type: "Buyer_Seller",
      message_id: image.message_id,
      created_at: image.created_at,
      user: { id: image.user.id, type: "Customer" },
      data: image.data,
      updated_at: expect.any(String),
      seller_id: expect.any(Number),
    });
    expect(second.data).toEqual(["![image](https://cdn.ozon.example/x.jpg)"]);
    const history = (await chats()).find((c) => c.chat_id === chat.chat_id)!.messages.find((m) => m.message_id === image.message_id)!;
    expect(history).toMatchObject({ moderate_image_status: "FAILED", data: ["![image](https://cdn.ozon.example/x.jpg)"] });
    const plain = chat.messages.find((m) => !m.is_image)!;
    await expect(ctl().updateMessage({ chat_id: chat.chat_id, message_id: plain.message_id, moderate_image_status: "SUCCESS" })).rejects.toThrow(/400.*images only/);
    await expect(ctl().updateMessage({ chat_id: chat.chat_id, message_id: "3000000000000000001", text: "x" })).rejects.toThrow(/404/);
  });

  it("what the seller does through the Ozon API pushes nothing", async () => {
    const chat = (await chats()).find((c) => c.chat_type === "SELLER_SUPPORT")!;
    expect((await emulator.ozon.call("/v1/chat/send/message", { chat_id: chat.chat_id, text: "Спасибо" })).status).toBe(200);
    expect((await emulator.ozon.call("/v2/chat/read", { chat_id: chat.chat_id })).status).toBe(200);
    // A later event proves the sender is live, so the empty log before it is not just a slow one.
    await ctl().supportMessage({ chat_id: chat.chat_id, text: "Ответ" });
    const pushes = await settled(1);
    expect(pushes.map((p) => p.message_type)).toEqual(["TYPE_NEW_MESSAGE"]);
    expect(receiver.received.map((r) => r.body.data)).toEqual([["Ответ"]]);
  });
});

describe("delivery", () => {
  it("drop_next drops the next N pushes (logged, never sent), then sends again", async () => {
    await ctl().configurePush({ drop_next: 2 });
    const chat = (await chats()).find((c) => c.chat_type === "BUYER_SELLER")!;
    for (const text of ["один", "два", "три"]) await ctl().buyerMessage({ chat_id: chat.chat_id, text });
    const pushes = await settled(3);
    expect(pushes.map((p) => [p.dropped, p.delivered, p.attempts.length])).toEqual([
      [true, false, 0],
      [true, false, 0],
      [false, true, 1],
    ]);
    expect(receiver.received.map((r) => r.body.data[0])).toEqual(["три"]);
    expect((await ctl().pushConfigs()).configs.find((c) => c.client_id === DEMO.clientId)!.drop_next).toBe(0);
  });

  it("drop_rate 1 drops everything; 0 drops nothing", async () => {
    await ctl().configurePush({ drop_rate: 1 });
    await ctl().supportMessage({ text: "a" });
    await ctl().configurePush({ drop_rate: 0 });
    await ctl().supportMessage({ text: "b" });
    const pushes = await settled(2);
    expect(pushes.map((p) => p.dropped)).toEqual([true, false]);
  });

  it("delay_ms holds the push back; the control call answers at once", async () => {
    await ctl().configurePush({ delay_ms: 300 });
    const before = performance.timeOrigin + performance.now();
    await ctl().supportMessage({ text: "позже" });
    const answered = performance.timeOrigin + performance.now();
    expect(receiver.received).toHaveLength(0); // not sent before the control call answered
    const [push] = await settled(1);
    expect(push!.attempts[0]!.sent_at - before).toBeGreaterThanOrEqual(295);
    expect(receiver.received[0]!.at).toBeGreaterThan(answered);
  });

  it("a 500 is retried on the schedule, then the push is delivered", async () => {
    receiver.script.push({ status: 500, body: { error: { code: "ERROR_UNKNOWN", message: "boom", details: null } } });
    await ctl().supportMessage({ text: "повтор" });
    const [push] = await settled(1);
    expect(push!.delivered).toBe(true);
    expect(push!.attempts.map((a) => [a.status, a.error])).toEqual([
      [500, "STATUS_CODE_NOT_OK"],
      [200, null],
    ]);
    expect(push!.attempts[1]!.sent_at - push!.attempts[0]!.sent_at).toBeGreaterThanOrEqual(50);
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.body).toEqual(receiver.received[0]!.body);
  });

  it("an answer slower than timeout_ms fails; after the last retry the push gives up", async () => {
    await ctl().configurePush({ timeout_ms: 100, retry_delays_ms: [20] });
    receiver.script.push({ delayMs: 400 }, { delayMs: 400 });
    await ctl().supportMessage({ text: "медленно" });
    const [push] = await settled(1);
    expect(push).toMatchObject({ delivered: false, dropped: false, settled: true });
    expect(push!.attempts.map((a) => [a.status, a.error])).toEqual([
      [null, "REQUEST_TIMEOUT"],
      [null, "REQUEST_TIMEOUT"],
    ]);
  });

  it("an unreachable URL is logged as a request error", async () => {
    await ctl().configurePush({ url: "http://127.0.0.1:9/nothing", retry_delays_ms: [] });
    await ctl().supportMessage({ text: "никуда" });
    const [push] = await settled(1);
    expect(push!.delivered).toBe(false);
    expect(push!.attempts[0]).toMatchObject({ status: null, error: expect.stringMatching(/^REQUEST_ERROR/) });
  });

  it("url null turns pushes off", async () => {
    await ctl().configurePush({ url: null });
    await ctl().supportMessage({ text: "тишина" });
    expect(await ctl().pushes()).toEqual([]);
  });
});

describe("ping, config, log", () => {
  it("ping: TYPE_PING round trip, and what makes the check fail", async () => {
    const ok = await ctl().pingPush();
    expect(ok).toMatchObject({ status: 200, ok: true, error: null, body: { version: "1.0", name: "test" } });
    expect(receiver.received[0]!.body).toEqual({ message_type: "TYPE_PING", time: expect.any(String) });
    receiver.script.push({ body: { result: true } });
    expect(await ctl().pingPush()).toMatchObject({ status: 200, ok: false, error: "WRONG_RESULT_FIELD" });
    receiver.script.push({ body: "nope", contentType: "text/plain" });
    expect(await ctl().pingPush()).toMatchObject({ ok: false, error: "INVALID_BODY" });
    receiver.script.push({ status: 503 });
    expect(await ctl().pingPush()).toMatchObject({ status: 503, ok: false, error: "STATUS_CODE_NOT_OK" });
    const log = await ctl().pushes();
    expect(log.map((p) => [p.message_type, p.delivered])).toEqual([
      ["TYPE_PING", true],
      ["TYPE_PING", false],
      ["TYPE_PING", false],
      ["TYPE_PING", false],
    ]);
    await expect(ctl().pingPush("basic-client")).rejects.toThrow(/400.*no push url/);
  });

  it("reset keeps the config but clears the log and the drop counters", async () => {
    await ctl().configurePush({ drop_next: 5, delay_ms: 7 });
    await ctl().supportMessage({ text: "до сброса" });
    expect(await ctl().pushes()).toHaveLength(1);
    await ctl().reset();
    expect(await ctl().pushes()).toEqual([]);
    const config = (await ctl().pushConfigs()).configs.find((c) => c.client_id === DEMO.clientId)!;
    expect(config).toMatchObject({ url: receiver.url, delay_ms: 7, drop_next: 0, timeout_ms: 5000, retry_delays_ms: [50, 100] });
    await ctl().supportMessage({ text: "после сброса" });
    expect((await settled(1))[0]!.dropped).toBe(false);
  });

  it("DELETE /pushes clears the log; pushes are per client", async () => {
    await ctl().supportMessage({ text: "x" });
    await settled(1);
    expect(await ctl().pushes("basic-client")).toEqual([]);
    expect(await ctl().pushes(DEMO.clientId)).toHaveLength(1);
    await ctl().clearPushes();
    expect(await ctl().pushes()).toEqual([]);
  });

  it("bad config is a 400 with a clear message", async () => {
    await expect(ctl().configurePush({ url: "ftp://x" })).rejects.toThrow(/400.*url must be/);
    await expect(ctl().configurePush({ drop_rate: 2 })).rejects.toThrow(/400.*drop_rate/);
    await expect(ctl().configurePush({ drop_next: 1.5 })).rejects.toThrow(/400.*drop_next/);
    await expect(ctl().configurePush({ timeout_ms: 0 })).rejects.toThrow(/400.*timeout_ms/);
    await expect(ctl().configurePush({ client_id: "nobody", url: null })).rejects.toThrow(/404/);
    await expect(ctl().request("POST", "push", { retry_delays_ms: "5" })).rejects.toThrow(/400.*retry_delays_ms/);
  });

  it("wait answers done: false when the pushes do not settle in time", async () => {
    const { done, pushes } = await ctl().waitForPushes(1, { timeoutMs: 50 });
    expect(done).toBe(false);
    expect(pushes).toEqual([]);
  });
});
