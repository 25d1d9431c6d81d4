import { describe, expect, it, vi } from "vitest";

import { OzonApiError } from "./errors";
import { getChatHistory } from "./get-chat-history";
import { listChats } from "./list-chats";
import { markChatRead } from "./mark-chat-read";
import { parseJsonLossless, parseRetryAfterMs } from "./request";
import { sendFile } from "./send-file";
import { sendMessage } from "./send-message";
import { startChat } from "./start-chat";
import { everyTextOf, fakeFetch, jsonResponse, TEST_KEY, testConn } from "./test-helpers";

const BIG = "3000000000817031942"; // > 2^53: Number(BIG) === 3000000000817031700
const listBody = (ids: { first: string; last: string }) =>
  `{"chats":[{"chat":{"chat_id":"c1","chat_status":"OPENED","chat_type":"Buyer_Seller","created_at":"2026-01-01T00:00:00Z"},` +
  `"first_unread_message_id":${ids.first},"last_message_id":${ids.last},"unread_count":2}],` +
  `"total_unread_count":2,"cursor":"abc","has_next":false}`;

describe("lossless JSON", () => {
  it("keeps big integers exact as decimal strings, small numbers as numbers", () => {
    expect(Number(BIG).toString()).not.toBe(BIG); // the trap
    expect(parseJsonLossless(`{"id":${BIG},"n":5,"f":1.5,"neg":-3,"s":"x"}`)).toEqual({
      id: BIG,
      n: 5,
      f: 1.5,
      neg: -3,
      s: "x",
    });
    expect(parseJsonLossless("18446744073709551615")).toBe("18446744073709551615");
  });

  it("list ids sent as bare numbers survive exactly", async () => {
    const f = fakeFetch(() => jsonResponse(listBody({ first: BIG, last: "3000000001280042740" })));
    const r = await listChats(testConn(f.fetch));
    expect(r.chats[0]).toMatchObject({
      chatId: "c1",
      firstUnreadMessageId: BIG,
      lastMessageId: "3000000001280042740",
      chatType: "BUYER_SELLER",
      chatTypeRaw: "Buyer_Seller",
      isBuyerChat: true,
      chatStatus: "OPENED",
      unreadCount: 2,
    });
  });

  it("list ids sent as strings and 0 work too", async () => {
    const f = fakeFetch(() => jsonResponse(listBody({ first: "0", last: `"${BIG}"` })));
    const r = await listChats(testConn(f.fetch));
    expect(r.chats[0]).toMatchObject({ firstUnreadMessageId: "0", lastMessageId: BIG });
  });

  it("history message ids as bare numbers survive; user types normalised", async () => {
    const body =
      `{"has_next":true,"messages":[` +
      `{"message_id":${BIG},"user":{"id":"115568","type":"\u0421ustomer"},"created_at":"2026-01-01T00:00:00Z","is_read":false,"is_image":false,"data":["hi"],"context":{"order_number":"123","sku":987654321}},` +
      `{"message_id":"3000000000817031943","user":{"id":"1","type":"Seller"},"created_at":"2026-01-01T00:00:01Z","is_read":true,"is_image":true,"moderate_image_status":"SUCCESS","data":["![image](https://x)"]},` +
      `{"message_id":3000000000817031944,"user":{"id":"o3_notification_user_sc","type":"NotificationUser"},"created_at":"2026-01-01T00:00:02Z","is_read":true,"is_image":false,"data":[]},` +
      `{"message_id":3000000000817031945,"user":{"id":"x","type":"ChatBot"},"created_at":"2026-01-01T00:00:03Z","data":["?"]}]}`;
    const f = fakeFetch(() => jsonResponse(body));
    const r = await getChatHistory(testConn(f.fetch), { chatId: "c1" });
    expect(r.hasNext).toBe(true);
    expect(r.messages.map((m) => m.messageId)).toEqual([
      BIG,
      "3000000000817031943",
      "3000000000817031944",
      "3000000000817031945",
    ]);
    expect(r.messages.map((m) => [m.user.type, m.user.rawType])).toEqual([
      ["customer", "\u0421ustomer"],
      ["seller", "Seller"],
      ["notification", "NotificationUser"],
      ["system", "ChatBot"],
    ]);
    expect(r.messages[0]!.context).toEqual({ orderNumber: "123", sku: "987654321" });
    expect(r.messages[1]).toMatchObject({ isImage: true, moderateImageStatus: "SUCCESS", context: null });
  });

  it("from_message_id goes to Ozon as a bare integer with every digit (Ozon's schema: integer <uint64>); message_ids as strings", async () => {
    const f = fakeFetch(() => jsonResponse({ has_next: false, messages: [] }));
    await getChatHistory(testConn(f.fetch), {
      chatId: "c1",
      direction: "Forward",
      fromMessageId: BIG,
      limit: 1000,
      messageIds: [BIG, 3000000000817031943n],
    });
    expect(f.calls[0]!.body).toBe(
      `{"chat_id":"c1","direction":"Forward","filter":{"message_ids":["${BIG}","3000000000817031943"]},"from_message_id":${BIG},"limit":1000}`,
    );
    const g = fakeFetch(() => jsonResponse({ unread_count: 0 }));
    await markChatRead(testConn(g.fetch), { chatId: "c1", fromMessageId: BIG });
    expect(g.calls[0]!.body).toBe(`{"chat_id":"c1","from_message_id":${BIG}}`);
  });

  it("history input is checked before the wire", async () => {
    const f = fakeFetch(() => jsonResponse({ has_next: false, messages: [] }));
    const conn = testConn(f.fetch);
    await expect(getChatHistory(conn, { chatId: "c", direction: "Forward" })).rejects.toMatchObject({
      kind: "invalid_input",
      message: expect.stringMatching(/from_message_id/),
    });
    await expect(getChatHistory(conn, { chatId: "c", limit: 1001 })).rejects.toMatchObject({ kind: "invalid_input" });
    await expect(getChatHistory(conn, { chatId: "c", limit: 0 })).rejects.toMatchObject({ kind: "invalid_input" });
    await expect(getChatHistory(conn, { chatId: "c", fromMessageId: "12a" })).rejects.toMatchObject({
      kind: "invalid_input",
    });
    await expect(listChats(conn, { limit: 101 })).rejects.toMatchObject({ kind: "invalid_input" });
    expect(f.calls).toHaveLength(0);
  });
});

describe("transport", () => {
  it("sends the auth headers and a JSON POST", async () => {
    const f = fakeFetch(() => jsonResponse({ unread_count: 3 }));
    await expect(markChatRead(testConn(f.fetch, { baseUrl: "https://ozon.test/" }), { chatId: "c" })).resolves.toEqual({
      unreadCount: 3,
    });
    expect(f.calls[0]).toMatchObject({
      url: "https://ozon.test/v2/chat/read",
      headers: { "client-id": "12345", "api-key": TEST_KEY, "content-type": "application/json" },
    });
  });

  it("calls the limiter before every attempt", async () => {
    const acquire = vi.fn(async () => {});
    const f = fakeFetch((_c, n) => (n < 3 ? jsonResponse({ code: 13, message: "Internal error" }, 500) : jsonResponse({ unread_count: 0 })));
    await markChatRead(testConn(f.fetch, { limiter: { acquire } }), { chatId: "c" });
    expect(acquire).toHaveBeenCalledTimes(3);
    expect(f.calls).toHaveLength(3);
  });

  it("times out each attempt (default 10 s overridable) and retries reads", async () => {
    const f = fakeFetch(() => new Promise<Response>(() => {}));
    const onRetry = vi.fn();
    const t0 = Date.now();
    const e = await listChats(testConn(f.fetch, { timeoutMs: 50, retry: { maxAttempts: 3, baseDelayMs: 1 }, onRetry })).catch(
      (x: unknown) => x as OzonApiError,
    );
    expect(e).toMatchObject({ kind: "timeout", status: 0, outcomeUnknown: false, attempts: 3 });
    expect(f.calls).toHaveLength(3);
    expect(onRetry).toHaveBeenCalledTimes(2);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe("retries", () => {
  const serverError = () => jsonResponse({ code: 13, message: "Internal error", details: [] }, 500);

  it("retries reads on 5xx then succeeds", async () => {
    const f = fakeFetch((_c, n) => (n < 4 ? serverError() : jsonResponse({ has_next: false, messages: [] })));
    const onRetry = vi.fn();
    await expect(getChatHistory(testConn(f.fetch, { onRetry }), { chatId: "c" })).resolves.toEqual({
      hasNext: false,
      messages: [],
    });
    expect(f.calls).toHaveLength(4);
    expect(onRetry.mock.calls.map((c) => c[0].attempt)).toEqual([1, 2, 3]);
  });

  it("gives up after maxAttempts (default 4) with the last error", async () => {
    const f = fakeFetch(serverError);
    await expect(listChats(testConn(f.fetch))).rejects.toMatchObject({ kind: "server_error", attempts: 4 });
    expect(f.calls).toHaveLength(4);
    const g = fakeFetch(serverError);
    await expect(listChats(testConn(g.fetch, { retry: { maxAttempts: 2, baseDelayMs: 1 } }))).rejects.toMatchObject({
      attempts: 2,
    });
    expect(g.calls).toHaveLength(2);
  });

  it("honours Retry-After on 429", async () => {
    const f = fakeFetch((_c, n) =>
      n === 1
        ? jsonResponse({ code: 8, message: "You have reached request rate limit per second" }, 429, { "Retry-After": "1" })
        : jsonResponse({ unread_count: 0 }),
    );
    const delays: number[] = [];
    const t0 = Date.now();
    await markChatRead(testConn(f.fetch, { onRetry: (i) => delays.push(i.delayMs) }), { chatId: "c" });
    expect(delays).toEqual([1000]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it("does not wait for a Retry-After beyond maxRetryAfterMs", async () => {
    const f = fakeFetch(() => jsonResponse({ code: 8, message: "rate" }, 429, { "Retry-After": "120" }));
    await expect(listChats(testConn(f.fetch))).rejects.toMatchObject({ kind: "rate_limited", retryAfterMs: 120_000 });
    expect(f.calls).toHaveLength(1);
  });

  it("uses full jitter: delay = random * min(cap, base * 2^(n-1))", async () => {
    const f = fakeFetch((_c, n) => (n < 4 ? serverError() : jsonResponse({ unread_count: 0 })));
    const delays: number[] = [];
    await markChatRead(
      testConn(f.fetch, {
        retry: { baseDelayMs: 10, maxDelayMs: 30, random: () => 0.5 },
        onRetry: (i) => delays.push(i.delayMs),
      }),
      { chatId: "c" },
    );
    expect(delays).toEqual([5, 10, 15]);
  });

  it("does not retry 4xx", async () => {
    const f = fakeFetch(() => jsonResponse({ code: 5, message: "chat not found" }, 404));
    await expect(getChatHistory(testConn(f.fetch), { chatId: "c" })).rejects.toMatchObject({ kind: "not_found" });
    expect(f.calls).toHaveLength(1);
  });

  it("retries network errors on reads", async () => {
    const f = fakeFetch((_c, n) => {
      if (n === 1) throw new TypeError("fetch failed", { cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }) });
      return jsonResponse({ has_next: false, messages: [] });
    });
    await expect(getChatHistory(testConn(f.fetch), { chatId: "c" })).resolves.toMatchObject({ messages: [] });
    expect(f.calls).toHaveLength(2);
  });

  it.each([
    ["sendMessage", (c: Parameters<typeof sendMessage>[0]) => sendMessage(c, { chatId: "c", text: "hi" })],
    ["sendFile", (c: Parameters<typeof sendMessage>[0]) => sendFile(c, { chatId: "c", name: "a.png", base64Content: "AQID" })],
    ["startChat", (c: Parameters<typeof sendMessage>[0]) => startChat(c, { postingNumber: "1-1-1" })],
  ])("%s is never retried", async (_n, call) => {
    for (const answer of [
      () => jsonResponse({ code: 13, message: "Internal error" }, 500),
      () => jsonResponse({ code: 8, message: "rate" }, 429, { "Retry-After": "1" }),
      () => {
        throw new TypeError("fetch failed");
      },
    ]) {
      const f = fakeFetch(answer);
      await expect(call(testConn(f.fetch))).rejects.toBeInstanceOf(OzonApiError);
      expect(f.calls).toHaveLength(1);
    }
    const slow = fakeFetch(() => new Promise<Response>(() => {}));
    const e = (await call(testConn(slow.fetch, { timeoutMs: 30 })).catch((x: unknown) => x)) as OzonApiError;
    expect(e).toMatchObject({ kind: "timeout", outcomeUnknown: true, status: 0 });
    expect(e.message).toMatch(/outcome is unknown/);
    expect(slow.calls).toHaveLength(1);
  });

  it("a send that fails on the network says the outcome is unknown", async () => {
    const f = fakeFetch(() => {
      throw new TypeError("fetch failed");
    });
    const e = (await sendMessage(testConn(f.fetch), { chatId: "c", text: "hi" }).catch((x: unknown) => x)) as OzonApiError;
    expect(e).toMatchObject({ kind: "network", outcomeUnknown: true });
    expect(e.message).toMatch(/outcome is unknown/);
  });

  it("a send refused with a 4xx has a known outcome", async () => {
    const f = fakeFetch(() => jsonResponse({ code: 7, message: "access period has expired" }, 403));
    await expect(sendMessage(testConn(f.fetch), { chatId: "c", text: "hi" })).rejects.toMatchObject({
      kind: "window_closed",
      outcomeUnknown: false,
    });
  });

  it("parses Retry-After seconds and dates", () => {
    expect(parseRetryAfterMs("3")).toBe(3000);
    expect(parseRetryAfterMs(null)).toBeNull();
    expect(parseRetryAfterMs("Wed, 21 Oct 2015 07:28:05 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(5000);
    expect(parseRetryAfterMs("soon")).toBeNull();
  });
});

describe("the Api-Key never leaks", () => {
  const leakyErrors: [string, () => unknown][] = [
    ["a TypeError naming the key", () => new TypeError(`fetch failed for https://ozon.test/v3/chat/list Api-Key: ${TEST_KEY}`)],
    [
      "a cause chain holding headers",
      () =>
        new TypeError("fetch failed", {
          cause: Object.assign(new Error(`connect ECONNREFUSED; headers {"Api-Key":"${TEST_KEY}"}`), {
            code: "ECONNREFUSED",
            headers: { "Api-Key": TEST_KEY },
            request: { headers: { "api-key": TEST_KEY } },
          }),
        }),
    ],
    ["a string", () => `boom ${TEST_KEY}`],
    ["an object with the key in props", () => ({ message: "x", apiKey: TEST_KEY, url: `https://h/?key=${encodeURIComponent(TEST_KEY)}` })],
    ["an URL-encoded key", () => new Error(`GET https://h/?k=${encodeURIComponent(TEST_KEY)}`)],
  ];

  it.each(leakyErrors)("fetch throwing %s (read and send)", async (_name, make) => {
    const f = fakeFetch(() => {
      throw make();
    });
    const conn = testConn(f.fetch, { retry: { maxAttempts: 2, baseDelayMs: 1 } });
    for (const call of [() => listChats(conn), () => sendMessage(conn, { chatId: "c", text: "hi" })]) {
      const e = await call().catch((x: unknown) => x);
      expect(e).toBeInstanceOf(OzonApiError);
      expect((e as OzonApiError).kind).toBe("network");
      const text = await everyTextOf(e);
      expect(text).not.toContain(TEST_KEY);
      expect(text).not.toContain(encodeURIComponent(TEST_KEY));
    }
  });

  it("an Ozon error message echoing the key is redacted", async () => {
    const f = fakeFetch(() => jsonResponse({ code: 5, message: `Invalid Api-Key ${TEST_KEY}, please check` }, 404));
    const e = await listChats(testConn(f.fetch)).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: "bad_credentials" });
    expect(await everyTextOf(e)).not.toContain(TEST_KEY);
    expect((e as OzonApiError).ozonMessage).toContain("[redacted]");
  });

  it("timeouts and onRetry infos carry no key", async () => {
    const f = fakeFetch(() => new Promise<Response>(() => {}));
    const infos: unknown[] = [];
    const e = await listChats(testConn(f.fetch, { timeoutMs: 20, retry: { maxAttempts: 2, baseDelayMs: 1 }, onRetry: (i) => infos.push(i) })).catch(
      (x: unknown) => x,
    );
    expect(await everyTextOf(e)).not.toContain(TEST_KEY);
    expect(JSON.stringify(infos)).not.toContain(TEST_KEY);
  });
});
