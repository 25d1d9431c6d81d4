import { beforeEach, expect, it } from "vitest";
import { createTestUser, useTestDatabaseInRoutes, type TestUser } from "@/lib/auth/testing";
import { cacheFromOzon, callRoute, createEmulatorAccount, jsonInit } from "@/lib/chats/test-helpers";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { forEachDatabase } from "@/lib/db/testing";
import { getEnv } from "@/lib/env";
import { withEmulator } from "@/lib/testing/with-emulator";
import { GET as listChats } from "./route";
import { POST as sendFile } from "./[chatId]/files/route";
import { GET as listMessages, POST as sendMessage } from "./[chatId]/messages/route";
import { POST as retry } from "./[chatId]/outbox/[outboxId]/retry/route";
import { POST as markRead } from "./[chatId]/read/route";

type ErrorBody = { error: { code: string; message: string } };
type Params = { accountId: string; chatId: string };

// Routes reach Ozon at OZON_API_URL. Without the rate limit: sends are never retried on a 429.
const emulator = withEmulator({ rateLimit: 0, asOzonApiUrl: true });

// 1×1 transparent PNG.
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

forEachDatabase("chat routes", (db) => {
  useTestDatabaseInRoutes(db);
  let accountId: string;
  let otherAccountId: string;
  let agent: TestUser;
  let outsider: TestUser;
  let chatId: string;
  let ozonChatId: string;
  let foreignChatId: string;
  const ozon = emulator.control;
  const base = () => `/api/accounts/${accountId}/chats`;

  beforeEach(async () => {
    await db.reset();
    accountId = await createEmulatorAccount(db.prisma);
    const other = await db.prisma.sellerAccount.create({
      data: { name: "Чужой магазин", clientId: "other-client", apiKeyCiphertext: new Uint8Array([1]), apiKeyLast4: "zzzz" },
    });
    otherAccountId = other.id;
    foreignChatId = (
      await db.prisma.chat.create({
        data: { accountId: other.id, ozonChatId: "foreign-chat", type: "buyer_seller", isBuyerChat: true, createdAt: new Date() },
      })
    ).id;
    agent = await createTestUser(db, { accountIds: [accountId] });
    outsider = await createTestUser(db, { accountIds: [other.id] });
    await cacheFromOzon(db.prisma, emulator.connection(), accountId);
    // A chat Ozon lets the seller write to: an FBS/rFBS posting paid and not yet delivered.
    const state = await ozon.state();
    const posting = state.postings.find(
      (p) => p.delivery_schema !== "FBO" && ["awaiting_packaging", "awaiting_deliver"].includes(String(p.status)) && p.chat_id,
    )!;
    ozonChatId = String(posting.chat_id);
    chatId = (await db.prisma.chat.findFirstOrThrow({ where: { accountId, ozonChatId } })).id;
  });

  const params = (over: Partial<Params> = {}): Params => ({ accountId, chatId, ...over });
  const send = (body: unknown, user: TestUser | null = agent, p = params()) =>
    callRoute<ErrorBody & Record<string, never>>(sendMessage, user, `${base()}/${p.chatId}/messages`, p, jsonInit(body));

  it("reaches the emulator, not Ozon", () => {
    expect(getEnv().OZON_API_URL).toBe(emulator.url);
  });

  it("answers 401 without a session and 404 for an account the user may not work, on every route", async () => {
    const calls = [
      (u: TestUser | null, p: Params) => callRoute(listChats, u, `/api/accounts/${p.accountId}/chats`, { accountId: p.accountId }),
      (u: TestUser | null, p: Params) => callRoute(listMessages, u, `/api/accounts/${p.accountId}/chats/${p.chatId}/messages`, p),
      (u: TestUser | null, p: Params) => callRoute(sendMessage, u, "/x", p, jsonInit({ clientId: "a", text: "hi" })),
      (u: TestUser | null, p: Params) => callRoute(sendFile, u, "/x", p, jsonInit({ clientId: "a", name: "a.png", base64Content: PNG })),
      (u: TestUser | null, p: Params) => callRoute(markRead, u, "/x", p, jsonInit({})),
      (u: TestUser | null, p: Params) => callRoute(retry, u, "/x", { ...p, outboxId: "nope" }, { method: "POST" }),
    ];
    for (const call of calls) {
      expect((await call(null, params())).status).toBe(401);
      const hidden = await call(outsider, params());
      expect(hidden.status).toBe(404);
      expect((hidden.body as unknown as ErrorBody).error.code).toBe("account_not_found");
      expect((await call(agent, params({ accountId: "no-such-account" }))).status).toBe(404);
    }
    // Nothing reached Ozon or the outbox for any of them.
    expect(await db.prisma.outboxMessage.count()).toBe(0);
  });

  it("answers the same 404 for a chat id of another account, even to someone who may work both", async () => {
    const both = await createTestUser(db, { accountIds: [accountId, otherAccountId] });
    for (const user of [agent, both]) {
      const p = params({ chatId: foreignChatId });
      for (const answer of [
        await callRoute(listMessages, user, `${base()}/${foreignChatId}/messages`, p),
        await callRoute(sendMessage, user, "/x", p, jsonInit({ clientId: "f", text: "Здравствуйте" })),
        await callRoute(markRead, user, "/x", p, jsonInit({})),
      ]) {
        expect(answer.status).toBe(404);
        expect((answer.body as unknown as ErrorBody).error.message).toMatch(/not found/);
      }
    }
  });

  it("says in words that Ozon refused the key, without the key in the answer", async () => {
    const wrongKey = "wrong-secret-key-9f8e7d6c";
    const shop = await db.prisma.sellerAccount.create({
      data: { name: "Старый ключ", clientId: "basic-client", apiKeyCiphertext: new Uint8Array(encryptSecret(wrongKey)), apiKeyLast4: "6c" },
    });
    const chat = await db.prisma.chat.create({
      data: { accountId: shop.id, ozonChatId: "some-chat", type: "buyer_seller", isBuyerChat: true, createdAt: new Date() },
    });
    const admin = await createTestUser(db, { role: "ADMIN" });
    const p = { accountId: shop.id, chatId: chat.id };
    for (const answer of [
      await callRoute<ErrorBody>(listMessages, admin, "/x", p),
      await callRoute<ErrorBody>(sendMessage, admin, "/x", p, jsonInit({ clientId: "k", text: "Здравствуйте" })),
    ]) {
      expect(answer.status).toBe(502);
      expect(answer.body.error.code).toBe("ozon_bad_credentials");
      expect(answer.text).not.toContain(wrongKey);
    }
  });

  it("lists the account's chats with the total unread, and refuses bad parameters", async () => {
    const ok = await callRoute<{ chats: { id: string; unreadCount: number }[]; nextCursor: string | null; totalUnread: number }>(
      listChats,
      agent,
      `${base()}?filter=all&limit=10`,
      { accountId },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.chats).toHaveLength(10);
    expect(ok.body.nextCursor).toEqual(expect.any(String));
    const sum = await db.prisma.chat.aggregate({ where: { accountId }, _sum: { unreadCount: true } });
    expect(ok.body.totalUnread).toBe(sum._sum.unreadCount);

    const next = await callRoute<{ chats: { id: string }[] }>(listChats, agent, `${base()}?limit=10&cursor=${ok.body.nextCursor}`, { accountId });
    expect(next.body.chats.map((c) => c.id)).not.toContain(ok.body.chats[0]!.id);

    for (const [query, code] of [
      ["limit=0", "invalid_input"],
      ["limit=101", "invalid_input"],
      ["limit=ten", "invalid_input"],
      ["filter=new", "invalid_input"],
      ["kind=robot", "invalid_input"],
      ["cursor=garbage", "cursor_invalid"],
    ]) {
      const bad = await callRoute<ErrorBody>(listChats, agent, `${base()}?${query}`, { accountId });
      expect(bad.status, query).toBe(400);
      expect(bad.body.error.code).toBe(code);
      expect(bad.body.error.message.length).toBeGreaterThan(10);
    }
  });

  it("lists a chat's messages with Ozon's ids as strings, and refuses a malformed `before`", async () => {
    const ok = await callRoute<{ messages: { id: unknown }[]; hasMore: boolean; outbox: unknown[] }>(
      listMessages,
      agent,
      `${base()}/${chatId}/messages?limit=2`,
      params(),
    );
    expect(ok.status).toBe(200);
    expect(ok.body.messages.length).toBeGreaterThan(0);
    for (const m of ok.body.messages) expect(m.id).toMatch(/^3\d{18}$/);
    expect(ok.text).toMatch(/"id":"3\d{18}"/);

    for (const query of ["before=12x", "before=-1", "limit=0", "limit=1000"]) {
      expect((await callRoute(listMessages, agent, `${base()}/${chatId}/messages?${query}`, params())).status, query).toBe(400);
    }
  });

  it("checks the message body: types, missing fields, JSON, size", async () => {
    const cases: [unknown, number, RegExp][] = [
      [{ clientId: "a", text: 5 }, 400, /text must be a string/],
      [{ clientId: 7, text: "Здравствуйте" }, 400, /clientId must be a string/],
      [{ text: "Здравствуйте" }, 400, /clientId is required/],
      [{ clientId: "a" }, 400, /text is required/],
      [{ clientId: " ", text: "Здравствуйте" }, 400, /clientId is required/],
      [[], 400, /expected object/],
      ["not json", 400, /not valid JSON/],
      ["", 400, /no body/],
      [{ clientId: "a", text: "x".repeat(70 * 1024) }, 413, /too large/],
    ];
    for (const [body, status, words] of cases) {
      const answer = await send(body);
      expect(answer.status, JSON.stringify(body).slice(0, 40)).toBe(status);
      expect(answer.body.error.message).toMatch(words);
    }
    expect(await db.prisma.outboxMessage.count()).toBe(0);
  });

  it("counts text in code points: 1000 characters and 1000 emoji go, 0 and 1001 and blanks do not, in words", async () => {
    const empty = await send({ clientId: "t0", text: "" });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/empty/);
    const blank = await send({ clientId: "tb", text: " \n\t " });
    expect(blank.status).toBe(400);
    expect(blank.body.error.message).toMatch(/only spaces/);
    const long = await send({ clientId: "t1001", text: "ж".repeat(1001) });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/too long: 1001 characters/);

    for (const [clientId, text] of [["t1000", "ж".repeat(1000)], ["e1000", "😀".repeat(1000)]] as const) {
      const ok = await callRoute<{ outbox: { state: string }; message: { text: string } }>(
        sendMessage,
        agent,
        "/x",
        params(),
        jsonInit({ clientId, text }),
      );
      expect(ok.status, clientId).toBe(200);
      expect(ok.body.outbox.state).toBe("SENT");
      expect(ok.body.message.text).toBe(text);
    }
    const onOzon = (await ozon.state()).chats.find((c) => c.chat_id === ozonChatId)!;
    expect(onOzon.messages.filter((m) => m.data[0] === "😀".repeat(1000))).toHaveLength(1);
  });

  it("sends once per clientId, and a refused send is a 409 in words that stays in the outbox for Retry", async () => {
    const first = await callRoute<{ outbox: { id: string; state: string } }>(sendMessage, agent, "/x", params(), jsonInit({ clientId: "k1", text: "Добрый день" }));
    const again = await callRoute<{ outbox: { id: string; state: string } }>(sendMessage, agent, "/x", params(), jsonInit({ clientId: "k1", text: "Добрый день" }));
    expect(first.status).toBe(200);
    expect(again.body.outbox).toEqual(first.body.outbox);
    expect((await ozon.state()).chats.find((c) => c.chat_id === ozonChatId)!.messages.filter((m) => m.data[0] === "Добрый день")).toHaveLength(1);

    // A notification chat is never writable.
    const notification = await db.prisma.chat.findFirstOrThrow({ where: { accountId, type: { startsWith: "seller_notification" } } });
    const p = params({ chatId: notification.id });
    const refused = await callRoute<ErrorBody>(sendMessage, agent, "/x", p, jsonInit({ clientId: "k2", text: "Здравствуйте" }));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("window_closed");
    expect(refused.body.error.message).toMatch(/no longer accepts messages|nobody can answer/);

    const listed = await callRoute<{ outbox: { id: string; state: string; lastError: string }[] }>(listMessages, agent, "/x", p);
    expect(listed.body.outbox).toEqual([expect.objectContaining({ state: "FAILED", lastError: refused.body.error.message })]);
    const outboxId = listed.body.outbox[0]!.id;

    const retried = await callRoute<ErrorBody>(retry, agent, "/x", { ...p, outboxId }, { method: "POST" });
    expect(retried.status).toBe(409);
    expect((await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: outboxId } })).attempts).toBe(2);

    // The outbox row of one chat is not found under another.
    expect((await callRoute(retry, agent, "/x", { ...params(), outboxId }, { method: "POST" })).status).toBe(404);
  });

  it("sends a file, and checks its name, content and size", async () => {
    const post = (body: unknown) => callRoute<ErrorBody & { outbox: { state: string } }>(sendFile, agent, "/x", params(), jsonInit(body));
    const ok = await post({ clientId: "f1", name: "photo.png", base64Content: PNG });
    expect(ok.status).toBe(200);
    expect(ok.body.outbox.state).toBe("SENT");

    const tenMiBAndOne = Buffer.alloc(10 * 1024 * 1024 + 3).toString("base64");
    for (const [body, status, words] of [
      [{ clientId: "f2", name: "script.exe", base64Content: PNG }, 400, /cannot be sent/],
      [{ clientId: "f3", name: "photo.png", base64Content: "%%%not base64" }, 400, /not valid base64/],
      [{ clientId: "f4", base64Content: PNG }, 400, /name/],
      [{ clientId: "f5", name: "big.pdf", base64Content: tenMiBAndOne }, 400, /too large/],
      [{ clientId: "f6", name: "huge.pdf", base64Content: "A".repeat(15 * 1024 * 1024) }, 413, /too large/],
    ] as const) {
      const answer = await post(body);
      expect(answer.status, body.clientId).toBe(status);
      expect(answer.body.error.message).toMatch(words);
    }
  });

  it("marks read: Ozon and the cache, the chat's and the account's unread drop, a repeat is harmless", async () => {
    const unreadChat = await db.prisma.chat.findFirstOrThrow({ where: { accountId, unreadCount: { gte: 2 } }, orderBy: { id: "asc" } });
    const p = params({ chatId: unreadChat.id });
    const before = await db.prisma.chat.aggregate({ where: { accountId }, _sum: { unreadCount: true } });

    const read = await callRoute<{ unreadCount: number; totalUnread: number }>(markRead, agent, "/x", p, { method: "POST" });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ chatId: unreadChat.id, unreadCount: 0, totalUnread: before._sum.unreadCount! - unreadChat.unreadCount });
    expect((await ozon.state()).chats.find((c) => c.chat_id === unreadChat.ozonChatId)!.unread_count).toBe(0);

    const again = await callRoute(markRead, agent, "/x", p, jsonInit({}));
    expect(again.body).toEqual(read.body);

    for (const body of [{ messageId: 5 }, { messageId: "abc" }, "nope"]) {
      expect((await callRoute(markRead, agent, "/x", p, jsonInit(body))).status).toBe(400);
    }
  });
});
