/** Contract: credentials, subscription, rate limit, injected 5xx/drops/timeouts, retry policy over real HTTP. */
import { describe, expect, it } from "vitest";
import { BASIC, DEMO } from "@/emulator/testing";
import { withEmulator } from "@/lib/testing/with-emulator";

import { OzonApiError } from "./errors";
import { getChatHistory } from "./get-chat-history";
import { getRoles } from "./get-roles";
import { getSellerInfo } from "./get-seller-info";
import { listChats } from "./list-chats";
import { markChatRead } from "./mark-chat-read";
import { sendFile } from "./send-file";
import { sendMessage } from "./send-message";
import { startChat } from "./start-chat";
import { everyTextOf } from "./test-helpers";

const emulator = withEmulator();
const ctl = emulator.control;

const SEND = "/v1/chat/send/message";
const HISTORY = "/v3/chat/history";
const LIST = "/v3/chat/list";

async function writableChat(): Promise<string> {
  const state = await ctl.state();
  const support = state.chats.find((c) => c.chat_type === "SELLER_SUPPORT");
  if (!support) throw new Error("no support chat in the seed");
  return support.chat_id; // support chats are always writable [inf]
}
const countText = async (chatId: string, text: string) =>
  (await ctl.state()).chats.find((c) => c.chat_id === chatId)!.messages.filter((m) => m.data.join("") === text).length;

describe("credentials and subscription", () => {
  it("a wrong key is bad_credentials (404 code 5) and the key is not in the error", async () => {
    const conn = emulator.connection({ clientId: DEMO.clientId, apiKey: "wrong-key-0123456789" });
    const e = await listChats(conn).catch((x: unknown) => x);
    expect(e).toMatchObject({
      kind: "bad_credentials",
      status: 404,
      ozonCode: 5,
      ozonMessage: "Invalid Api-Key, please check the key and try again",
    });
    expect(await everyTextOf(e)).not.toContain("wrong-key-0123456789");
    await expect(getRoles(emulator.connection({ clientId: "no-such-client", apiKey: DEMO.apiKey }))).rejects.toMatchObject({
      kind: "bad_credentials",
    });
  });

  it("missing headers are 401 code 16 (raw)", async () => {
    const res = await fetch(emulator.url + LIST, { method: "POST", headers: { "content-type": "application/json" }, body: '{"limit":1}' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 16, message: "Client-Id and Api-Key headers are required" });
    await expect(listChats(emulator.connection({ clientId: DEMO.clientId, apiKey: "" }))).rejects.toMatchObject({ kind: "bad_credentials" });
  });

  it("a basic seller gets premium_required on chat methods but can read roles and seller info", async () => {
    const conn = emulator.connection(BASIC);
    for (const call of [
      () => listChats(conn),
      () => getChatHistory(conn, { chatId: "x" }),
      () => sendMessage(conn, { chatId: "x", text: "hi" }),
      () => sendFile(conn, { chatId: "x", name: "a.png", base64Content: "AQID" }),
      () => startChat(conn, { postingNumber: "x" }),
      () => markChatRead(conn, { chatId: "x" }),
    ]) {
      const e = await call().catch((x: unknown) => x);
      expect(e).toMatchObject({
        kind: "premium_required",
        status: 403,
        ozonCode: 7,
        ozonMessage: "This method is available only with the Premium Plus or Premium Pro subscription",
      });
      expect((e as OzonApiError).attempts).toBe(1); // not retried
    }
    const info = await getSellerInfo(conn);
    expect(info.subscription.allowsChat).toBe(false);
    const roles = await getRoles(conn);
    const days = (Date.parse(roles.expiresAt!) - Date.parse((await ctl.state(BASIC.clientId)).now)) / 86_400_000;
    expect(days).toBeGreaterThan(9);
    expect(days).toBeLessThanOrEqual(10.01);
  });

  it("demo seller: roles expire in ~80 days; subscription PREMIUM_PLUS", async () => {
    const conn = emulator.connection();
    const roles = await getRoles(conn);
    expect(roles.roles.length).toBeGreaterThan(0);
    const days = (Date.parse(roles.expiresAt!) - Date.parse((await ctl.state()).now)) / 86_400_000;
    expect(days).toBeGreaterThan(79);
    expect(days).toBeLessThanOrEqual(80.01);
    const info = await getSellerInfo(conn);
    expect(info).toMatchObject({ subscription: { isPremium: true, type: "PREMIUM_PLUS", allowsChat: true } });
    expect(info.companyName).toBeTruthy();
  });
});

describe("rate limit", () => {
  it("an injected 429 (count 2) is retried after Retry-After, then succeeds", async () => {
    await ctl.addFault({ path: LIST, mode: "rate_limit", count: 2, retry_after_seconds: 1 });
    const delays: number[] = [];
    const r = await listChats(emulator.connection({ onRetry: (i) => delays.push(i.delayMs) }), { limit: 5 });
    expect(r.chats.length).toBe(5);
    expect(delays).toHaveLength(2);
    expect(delays.every((d) => d >= 1000)).toBe(true);
    expect((await ctl.calls()).by_path[LIST]).toBe(3);
  });

  it("429 has code 8, the exact message and Retry-After (raw)", async () => {
    await ctl.addFault({ path: LIST, mode: "rate_limit", count: 1, retry_after_seconds: 2 });
    const r = await emulator.ozon.call(LIST, { limit: 1 });
    expect(r.status).toBe(429);
    expect(r.json).toMatchObject({ code: 8, message: "You have reached request rate limit per second" });
    expect(r.headers.get("retry-after")).toBe("2");
  });

  it("a send hitting 429 is not retried", async () => {
    const chatId = await writableChat();
    await ctl.addFault({ path: SEND, mode: "rate_limit", count: 1, retry_after_seconds: 1 });
    await expect(sendMessage(emulator.connection(), { chatId, text: "hi" })).rejects.toMatchObject({ kind: "rate_limited", retryAfterMs: 1000 });
    expect((await ctl.calls()).by_path[SEND]).toBe(1);
  });

  it("the real 50 rps limit: a burst of 70 reads all succeed thanks to Retry-After", async () => {
    const conn = emulator.connection({ retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 5000 } });
    let retried = 0;
    const c2 = { ...conn, onRetry: () => void retried++ };
    const results = await Promise.all(Array.from({ length: 70 }, () => listChats(c2, { limit: 1 })));
    expect(results).toHaveLength(70);
    expect(retried).toBeGreaterThan(0); // some of the 70 went over 50/s and were retried
    expect((await ctl.calls()).by_path[LIST]).toBe(70 + retried);
  });
});

describe("server errors and network failures", () => {
  it("5xx on a read is retried then succeeds", async () => {
    const chatId = await writableChat();
    await ctl.addFault({ path: HISTORY, mode: "error", status: 500, count: 2 });
    const r = await getChatHistory(emulator.connection(), { chatId });
    expect(r.messages.length).toBeGreaterThan(0);
    expect((await ctl.calls()).by_path[HISTORY]).toBe(3);
  });

  it("persistent 5xx gives up after maxAttempts", async () => {
    await ctl.addFault({ path: LIST, mode: "error", status: 503 });
    const e = await listChats(emulator.connection({ retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 } })).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: "server_error", status: 503, attempts: 3 });
    expect((await ctl.calls()).by_path[LIST]).toBe(3);
  });

  it("injected 500 has code 13 'Internal error' (raw)", async () => {
    await ctl.addFault({ path: LIST, mode: "error", status: 500, count: 1 });
    const r = await emulator.ozon.call(LIST, { limit: 1 });
    expect(r.status).toBe(500);
    expect(r.json).toMatchObject({ code: 13, message: "Internal error" });
  });

  it("5xx on send is NOT retried (called once) and the outcome is flagged unknown", async () => {
    const chatId = await writableChat();
    await ctl.addFault({ path: SEND, mode: "error", status: 500, count: 3 });
    const e = await sendMessage(emulator.connection(), { chatId, text: "сбой 500" }).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: "server_error", status: 500, attempts: 1 });
    expect((await ctl.calls()).by_path[SEND]).toBe(1);
    expect(await countText(chatId, "сбой 500")).toBe(0);
  });

  it("a dropped connection on a read is retried", async () => {
    const chatId = await writableChat();
    await ctl.addFault({ path: HISTORY, mode: "drop", count: 1 });
    const r = await getChatHistory(emulator.connection(), { chatId });
    expect(r.messages.length).toBeGreaterThan(0);
    expect((await ctl.calls()).by_path[HISTORY]).toBe(2);
  });

  it("a dropped connection on send: network, outcome unknown, not retried, key not leaked", async () => {
    const chatId = await writableChat();
    await ctl.addFault({ path: SEND, mode: "drop", count: 1 });
    const e = await sendMessage(emulator.connection(), { chatId, text: "обрыв" }).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: "network", status: 0, outcomeUnknown: true, attempts: 1 });
    expect((e as Error).message).toMatch(/outcome is unknown/);
    expect(await everyTextOf(e)).not.toContain(DEMO.apiKey);
    expect((await ctl.calls()).by_path[SEND]).toBe(1);
    expect(await countText(chatId, "обрыв")).toBe(0); // "drop" happens before applying
  });

  it("the ambiguous timeout: timeout_after_apply on send → timeout + outcomeUnknown, stored exactly once", async () => {
    const chatId = await writableChat();
    await ctl.addFault({ path: SEND, mode: "timeout_after_apply", count: 1, delay_ms: 3000 });
    const t0 = Date.now();
    const e = await sendMessage(emulator.connection({ timeoutMs: 400 }), { chatId, text: "двусмысленно" }).catch((x: unknown) => x);
    expect(Date.now() - t0).toBeLessThan(2500);
    expect(e).toBeInstanceOf(OzonApiError);
    expect(e).toMatchObject({ kind: "timeout", status: 0, outcomeUnknown: true, attempts: 1 });
    expect((e as Error).message).toMatch(/outcome is unknown/);
    expect((await ctl.calls()).by_path[SEND]).toBe(1);
    expect(await countText(chatId, "двусмысленно")).toBe(1);
  });

  it("timeout_after_apply on start chat → timeout + outcomeUnknown, not retried", async () => {
    await ctl.addFault({ path: "/v1/chat/start", mode: "timeout_after_apply", count: 1, delay_ms: 3000 });
    const e = await startChat(emulator.connection({ timeoutMs: 300 }), { postingNumber: "0000000000-0000-9" }).catch(
      (x: unknown) => x,
    );
    // either the emulator applies (404 held) or not: the client only sees the timeout
    expect(e).toMatchObject({ kind: "timeout", outcomeUnknown: true, attempts: 1 });
    expect((await ctl.calls()).by_path["/v1/chat/start"]).toBe(1);
  });

  it("latency beyond the timeout: reads retry then throw timeout", async () => {
    await ctl.setLatency(500);
    const e = await listChats(emulator.connection({ timeoutMs: 100, retry: { maxAttempts: 2, baseDelayMs: 1 } })).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: "timeout", outcomeUnknown: false, attempts: 2 });
    await ctl.setLatency(0);
  });

  it("a refused connection is kind network", async () => {
    const conn = { ...emulator.connection(), baseUrl: "http://127.0.0.1:1", retry: { maxAttempts: 2, baseDelayMs: 1 } };
    const e = await listChats(conn).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: "network", status: 0, attempts: 2 });
    expect(await everyTextOf(e)).not.toContain(DEMO.apiKey);
  });
});
