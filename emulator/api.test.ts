/** The emulator's Ozon methods over real HTTP: auth, premium, paging, history, ids, read, send, start. */
import { describe, expect, it } from "vitest";
import { BASIC, ozonHeaders, PREMIUM, type OzonWire } from "./testing";
import { withTestEmulator } from "./with-test-emulator";

const emulator = withTestEmulator({ rateLimit: 0 });
const api = emulator.ozon;
const ctl = emulator.control;
const BASIC_HEADERS = ozonHeaders(BASIC);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

async function demoState(): Promise<Any> {
  return ctl.state("demo-client");
}

/** Every chat through /v3/chat/list pages. */
async function listAll(client: OzonWire, limit: number, filter?: unknown) {
  const chats: Any[] = [];
  let cursor = "";
  for (let page = 0; page < 1000; page++) {
    const r = await client.call("/v3/chat/list", { limit, cursor, ...(filter ? { filter } : {}) });
    if (r.status !== 200) throw new Error(`list -> ${r.status} ${r.text}`);
    chats.push(...r.json.chats);
    if (!r.json.has_next) return chats;
    cursor = r.json.cursor;
  }
  throw new Error("paging did not end");
}

async function history(chatId: string, extra: Record<string, unknown> = {}): Promise<Any[]> {
  const r = await api.call("/v3/chat/history", { chat_id: chatId, limit: 1000, ...extra });
  expect(r.status).toBe(200);
  return r.json.messages;
}

describe("auth and subscription", () => {
  it("rejects missing headers with 401 code 16", async () => {
    const r = await api.call("/v3/chat/list", { limit: 10 }, {});
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ code: 16, message: "Client-Id and Api-Key headers are required", details: [] });
    const onlyId = await api.call("/v3/chat/list", { limit: 10 }, { "Client-Id": "demo-client" });
    expect(onlyId.status).toBe(401);
  });

  it("rejects a wrong key or unknown client with 404 code 5", async () => {
    for (const headers of [{ "Client-Id": "demo-client", "Api-Key": "nope" }, { "Client-Id": "who", "Api-Key": "demo-api-key" }]) {
      const r = await api.call("/v1/seller/info", {}, headers);
      expect(r.status).toBe(404);
      expect(r.json).toEqual({ code: 5, message: "Invalid Api-Key, please check the key and try again", details: [] });
    }
  });

  it("gives 403 code 7 on every chat method to a seller without Premium Plus/Pro", async () => {
    const paths = ["/v3/chat/list", "/v3/chat/history", "/v1/chat/send/message", "/v1/chat/send/file", "/v1/chat/start", "/v2/chat/read"];
    for (const path of paths) {
      const r = await api.call(path, { limit: 10 }, BASIC_HEADERS);
      expect(r.status, path).toBe(403);
      expect(r.json).toEqual({ code: 7, message: "This method is available only with the Premium Plus or Premium Pro subscription", details: [] });
    }
    const info = await api.call("/v1/seller/info", {}, BASIC_HEADERS);
    expect(info.status).toBe(200);
    expect(info.json.subscription).toEqual({ is_premium: false, type: "UNKNOWN" });
    const demoInfo = await api.call("/v1/seller/info", {});
    expect(demoInfo.json.subscription).toEqual({ is_premium: true, type: "PREMIUM_PLUS" });
    expect(demoInfo.json.company.name).toMatch(/Домашний уют/);
  });

  it("plain Premium lists every chat and reads support and system chats, but no buyer chat", async () => {
    const headers = ozonHeaders(PREMIUM);
    const premiumRequired = { code: 7, message: "This method is available only with the Premium Plus or Premium Pro subscription", details: [] };
    const list = await api.call("/v3/chat/list", { limit: 100 }, headers);
    expect(list.status).toBe(200);
    const chats: Any[] = list.json.chats;
    const buyer = chats.find((c) => c.chat.chat_type === "BUYER_SELLER");
    const support = chats.find((c) => c.chat.chat_type === "SELLER_SUPPORT");
    expect(buyer && support).toBeTruthy();
    const refused = await api.call("/v3/chat/history", { chat_id: buyer.chat.chat_id, limit: 10 }, headers);
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual(premiumRequired);
    for (const [path, body] of [
      ["/v1/chat/send/message", { chat_id: buyer.chat.chat_id, text: "Здравствуйте" }],
      ["/v2/chat/read", { chat_id: buyer.chat.chat_id }],
      ["/v1/chat/start", { posting_number: (await ctl.state(PREMIUM.clientId)).postings[0]!.posting_number }],
    ] as const) {
      const r = await api.call(path, body, headers);
      expect(r.status, path).toBe(403);
      expect(r.json).toEqual(premiumRequired);
    }
    const read = await api.call("/v3/chat/history", { chat_id: support.chat.chat_id, limit: 10 }, headers);
    expect(read.status).toBe(200);
    expect(read.json.messages.length).toBeGreaterThan(0);
    const info = await api.call("/v1/seller/info", {}, headers);
    expect(info.json.subscription).toEqual({ is_premium: true, type: "PREMIUM" });
  });

  it("reports key expiry in /v1/roles: 80 days for demo, 10 for basic", async () => {
    const now = Date.parse((await ctl.health()).now);
    const demo = await api.call("/v1/roles", {});
    const basic = await api.call("/v1/roles", {}, BASIC_HEADERS);
    const days = (iso: string) => Math.round((Date.parse(iso) - now) / 86_400_000);
    expect(days(demo.json.expires_at)).toBe(80);
    expect(days(basic.json.expires_at)).toBe(10);
    expect(demo.json.roles.length).toBeGreaterThan(0);
  });

  it("answers bad JSON with 400 and unknown paths with 404", async () => {
    const bad = await api.raw("/v3/chat/list", "{nope");
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ code: 3, message: "invalid JSON body", details: [] });
    const unknown = await api.call("/v9/nothing", {});
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ code: 5, message: "Not Found", details: [] });
  });
});

describe("/v3/chat/list", () => {
  it("pages to the end covering every chat exactly once, newest activity first", async () => {
    const state = await demoState();
    expect(state.chats.length).toBeGreaterThanOrEqual(40);
    const chats = await listAll(api, 7);
    const ids = chats.map((c: Any) => c.chat.chat_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(state.chats.map((c: Any) => c.chat_id)));
    const lastIds = chats.map((c: Any) => BigInt(c.last_message_id));
    for (let i = 1; i < lastIds.length; i++) expect(lastIds[i - 1]! >= lastIds[i]!).toBe(true);
  });

  it("has chats of every kind and state the inbox shows", async () => {
    const chats = await listAll(api, 100);
    const types = new Set(chats.map((c: Any) => c.chat.chat_type));
    expect(types).toContain("BUYER_SELLER");
    expect(types).toContain("SELLER_SUPPORT");
    expect(types).toContain("SELLER_NOTIFICATION_LOGISTICS");
    const unread = chats.filter((c: Any) => c.unread_count > 0).map((c: Any) => c.unread_count);
    expect(unread.length).toBeGreaterThanOrEqual(5);
    for (let n = 1; n <= 5; n++) expect(unread).toContain(n);
    expect(chats.some((c: Any) => c.chat.chat_status === "CLOSED")).toBe(true);
    expect(chats.some((c: Any) => c.unread_count === 0 && c.first_unread_message_id === 0)).toBe(true);
  });

  it("filters by status in both spellings and by unread_only; totals agree", async () => {
    const all = await listAll(api, 100);
    const total = all.reduce((s: number, c: Any) => s + c.unread_count, 0);
    const first = await api.call("/v3/chat/list", { limit: 1 });
    expect(first.json.total_unread_count).toBe(total);
    for (const spelling of ["CLOSED", "Closed"]) {
      const closed = await listAll(api, 100, { chat_status: spelling });
      expect(closed.length).toBe(all.filter((c: Any) => c.chat.chat_status === "CLOSED").length);
      expect(closed.every((c: Any) => c.chat.chat_status === "CLOSED")).toBe(true);
    }
    for (const spelling of ["OPENED", "Opened", "ALL", "All"]) {
      const r = await api.call("/v3/chat/list", { limit: 100, filter: { chat_status: spelling } });
      expect(r.status, spelling).toBe(200);
    }
    const unreadOnly = await listAll(api, 3, { unread_only: true });
    expect(unreadOnly.length).toBe(all.filter((c: Any) => c.unread_count > 0).length);
    expect(unreadOnly.every((c: Any) => c.unread_count > 0)).toBe(true);
  });

  it("rejects bad limits, statuses and cursors with 400", async () => {
    for (const body of [{}, { limit: 0 }, { limit: 101 }, { limit: "x" }, { limit: 10, filter: { chat_status: "opened" } }]) {
      const r = await api.call("/v3/chat/list", body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.code).toBe(3);
    }
    const cursor = await api.call("/v3/chat/list", { limit: 10, cursor: "made-up" });
    expect(cursor.status).toBe(400);
    expect(cursor.json).toEqual({ code: 3, message: "Cursor value is incorrect", details: [] });
    expect((await api.call("/v3/chat/list", { limit: 100 })).status).toBe(200);
  });
});

describe("ids on the wire", () => {
  it("sends message ids as bare JSON numbers above 2^53 and accepts them back losslessly", async () => {
    const list = await api.call("/v3/chat/list", { limit: 5 });
    expect(list.text).toMatch(/"last_message_id":3\d{18}[,}]/);
    const chatId = list.json.chats[0].chat.chat_id;
    const h = await api.call("/v3/chat/history", { chat_id: chatId, limit: 3 });
    const raw = [...h.text.matchAll(/"message_id":(\d+)[,}]/g)].map((m) => m[1]!);
    expect(raw.length).toBeGreaterThan(0);
    for (const id of raw) expect(BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(h.text).not.toMatch(/"message_id":"/);

    // A bare-number id in the request (not a string) selects exactly that message.
    const id = raw[raw.length - 1]!;
    const byNumber = await api.raw("/v3/chat/history", `{"chat_id":"${chatId}","filter":{"message_ids":[${id}]},"limit":10}`);
    expect(byNumber.status).toBe(200);
    expect(byNumber.json.messages.map((m: Any) => m.message_id)).toEqual([id]);
    const fromNumber = await api.raw("/v3/chat/history", `{"chat_id":"${chatId}","direction":"Forward","from_message_id":${id},"limit":1}`);
    expect(fromNumber.json.messages[0].message_id).toBe(id);
  });

  it("increases message ids with time across the whole seller", async () => {
    const state = await demoState();
    const msgs = state.chats.flatMap((c: Any) => c.messages);
    msgs.sort((a: Any, b: Any) => (BigInt(a.message_id) < BigInt(b.message_id) ? -1 : 1));
    for (let i = 1; i < msgs.length; i++) expect(Date.parse(msgs[i].created_at)).toBeGreaterThanOrEqual(Date.parse(msgs[i - 1].created_at));
    expect(BigInt(msgs[0].message_id) >= 3000000000000000000n).toBe(true);
  });
});

describe("/v3/chat/history", () => {
  async function longChat(): Promise<{ chatId: string; ids: string[] }> {
    const state = await demoState();
    const chat = state.chats.filter((c: Any) => c.messages.length >= 5).sort((a: Any, b: Any) => b.messages.length - a.messages.length)[0];
    return { chatId: chat.chat_id, ids: chat.messages.map((m: Any) => m.message_id) };
  }

  it("goes Backward by default from the newest, Forward from from_message_id, both inclusive", async () => {
    const { chatId, ids } = await longChat();
    const newest = await api.call("/v3/chat/history", { chat_id: chatId, limit: 2 });
    expect(newest.json.messages.map((m: Any) => m.message_id)).toEqual([ids.at(-1), ids.at(-2)]);
    expect(newest.json.has_next).toBe(true);

    const back = await api.call("/v3/chat/history", { chat_id: chatId, direction: "Backward", from_message_id: ids[2], limit: 10 });
    expect(back.json.messages.map((m: Any) => m.message_id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(back.json.has_next).toBe(false);

    const fwd = await api.call("/v3/chat/history", { chat_id: chatId, direction: "Forward", from_message_id: ids[1], limit: 2 });
    expect(fwd.json.messages.map((m: Any) => m.message_id)).toEqual([ids[1], ids[2]]);
    expect(fwd.json.has_next).toBe(true);
    const fwdAll = await api.call("/v3/chat/history", { chat_id: chatId, direction: "Forward", from_message_id: ids[0], limit: 1000 });
    expect(fwdAll.json.messages.map((m: Any) => m.message_id)).toEqual(ids);
    expect(fwdAll.json.has_next).toBe(false);
  });

  it("returns just filter.message_ids, ordered by direction", async () => {
    const { chatId, ids } = await longChat();
    const pick = [ids[3]!, ids[0]!];
    const back = await api.call("/v3/chat/history", { chat_id: chatId, filter: { message_ids: pick } });
    expect(back.json.messages.map((m: Any) => m.message_id)).toEqual([ids[3], ids[0]]);
    const fwd = await api.call("/v3/chat/history", { chat_id: chatId, direction: "Forward", from_message_id: ids[0], filter: { message_ids: pick } });
    expect(fwd.json.messages.map((m: Any) => m.message_id)).toEqual([ids[0], ids[3]]);
  });

  it("validates direction, from_message_id, limit and chat_id", async () => {
    const { chatId } = await longChat();
    const cases: [Record<string, unknown>, number][] = [
      [{ chat_id: chatId, direction: "forward", from_message_id: "3000000000000000001" }, 400],
      [{ chat_id: chatId, direction: "Forward" }, 400],
      [{ chat_id: chatId, limit: 0 }, 400],
      [{ chat_id: chatId, limit: 1001 }, 400],
      [{ chat_id: chatId, limit: 1000 }, 200],
      [{ chat_id: chatId, limit: 1 }, 200],
      [{ chat_id: chatId, from_message_id: "abc" }, 400],
      [{}, 400],
      [{ chat_id: "00000000-0000-4000-8000-000000000000" }, 404],
    ];
    for (const [body, status] of cases) {
      const r = await api.call("/v3/chat/history", body);
      expect(r.status, JSON.stringify(body)).toBe(status);
    }
    const missing = await api.call("/v3/chat/history", { chat_id: "nope" });
    expect(missing.json).toEqual({ code: 5, message: "chat not found", details: [] });
  });

  it("has images in all moderation states, order context, links and Cyrillic Сustomer", async () => {
    const state = await demoState();
    const msgs = state.chats.flatMap((c: Any) => c.messages);
    const statuses = new Set(msgs.filter((m: Any) => m.is_image).map((m: Any) => m.moderate_image_status));
    expect(statuses).toEqual(new Set(["SUCCESS", "MODERATION", "FAILED"]));
    expect(msgs.some((m: Any) => m.context?.order_number && m.context?.sku)).toBe(true);
    expect(msgs.some((m: Any) => /\[[^\]]+\]\(https:\/\/www\.ozon\.ru\//.test(m.data[0]))).toBe(true);
    expect(msgs.some((m: Any) => m.user.type === "\u0421ustomer")).toBe(true);
    expect(msgs.some((m: Any) => m.user.type === "Seller")).toBe(true);
  });
});

describe("/v2/chat/read", () => {
  it("marks the given message and all before it; list and history unread agree", async () => {
    const list = await listAll(api, 100);
    const chat = list.find((c: Any) => c.unread_count >= 3)!;
    const chatId = chat.chat.chat_id;
    const unreadOf = (msgs: Any[]) => msgs.filter((m: Any) => !m.is_read && m.user.type !== "Seller");
    const before = unreadOf(await history(chatId));
    expect(before.length).toBe(chat.unread_count);
    expect(before.map((m: Any) => m.message_id)).toContain(chat.first_unread_message_id);

    // Oldest first: mark the second unread message; the first becomes read too.
    const ordered = [...before].reverse();
    const r = await api.call("/v2/chat/read", { chat_id: chatId, from_message_id: ordered[1].message_id });
    expect(r.status).toBe(200);
    expect(r.json.unread_count).toBe(chat.unread_count - 2);
    const after = await history(chatId);
    const byId = new Map(after.map((m: Any) => [m.message_id, m]));
    expect(byId.get(ordered[0].message_id).is_read).toBe(true);
    expect(byId.get(ordered[1].message_id).is_read).toBe(true);
    expect(byId.get(ordered[2].message_id).is_read).toBe(false);

    const relisted = (await listAll(api, 100)).find((c: Any) => c.chat.chat_id === chatId);
    expect(relisted.unread_count).toBe(unreadOf(after).length);
    expect(relisted.first_unread_message_id).toBe(ordered[2].message_id);
    const total = (await api.call("/v3/chat/list", { limit: 1 })).json.total_unread_count;
    expect(total).toBe(list.reduce((s: number, c: Any) => s + c.unread_count, 0) - 2);

    const all = await api.call("/v2/chat/read", { chat_id: chatId });
    expect(all.json.unread_count).toBe(0);
    expect((await history(chatId)).every((m: Any) => m.is_read)).toBe(true);
  });

  it("keeps list and history unread counts in agreement for every chat", async () => {
    const list = await listAll(api, 100);
    for (const c of list) {
      const msgs = await history(c.chat.chat_id);
      expect(msgs.filter((m: Any) => !m.is_read && m.user.type !== "Seller").length, c.chat.chat_id).toBe(c.unread_count);
    }
  });
});

describe("/v1/chat/send/message", () => {
  async function writableChat(): Promise<string> {
    const state = await demoState();
    return state.chats.find((c: Any) => c.chat_type === "SELLER_SUPPORT").chat_id;
  }

  it("accepts 1..1000 code points (1000 emoji fit) and rejects 0, blank and 1001", async () => {
    const chatId = await writableChat();
    const send = (text: unknown) => api.call("/v1/chat/send/message", { chat_id: chatId, text });
    for (const text of ["", "   \n\t", "a".repeat(1001), "😀".repeat(1001)]) {
      const r = await send(text);
      expect(r.status).toBe(400);
      expect(r.json.code).toBe(3);
    }
    expect((await send(undefined)).status).toBe(400);
    expect((await send(5)).status).toBe(400);
    for (const text of ["a", "😀".repeat(1000), "я".repeat(1000)]) {
      const r = await send(text);
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ result: "success" });
    }
    const newest = (await api.call("/v3/chat/history", { chat_id: chatId, limit: 1 })).json.messages[0];
    expect(newest.data).toEqual(["я".repeat(1000)]);
    expect(newest.user.type).toBe("Seller");
    expect(newest.is_read).toBe(true);
  });

  it("answers 404 for an unknown chat and moves the chat to the top of the list", async () => {
    const missing = await api.call("/v1/chat/send/message", { chat_id: "nope", text: "Здравствуйте" });
    expect(missing.status).toBe(404);
    expect(missing.json.message).toBe("chat not found");
    const chatId = await writableChat();
    await api.call("/v1/chat/send/message", { chat_id: chatId, text: "Спасибо!" });
    const top = await api.call("/v3/chat/list", { limit: 1 });
    expect(top.json.chats[0].chat.chat_id).toBe(chatId);
  });
});

describe("/v1/chat/send/file", () => {
  it("stores images as is_image and validates name, base64 and size", async () => {
    const state = await demoState();
    const chatId = state.chats.find((c: Any) => c.chat_type === "SELLER_SUPPORT").chat_id;
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex").toString("base64");
    const ok = await api.call("/v1/chat/send/file", { chat_id: chatId, base64_content: png, name: "photo.PNG" });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ result: "success" });
    const newest = (await api.call("/v3/chat/history", { chat_id: chatId, limit: 1 })).json.messages[0];
    expect(newest.is_image).toBe(true);
    expect(newest.data[0]).toMatch(/^!\[photo\.PNG\]\(https:\/\//);
    const pdf = await api.call("/v1/chat/send/file", { chat_id: chatId, base64_content: png, name: "invoice.pdf" });
    expect(pdf.status).toBe(200);
    for (const body of [
      { chat_id: chatId, base64_content: png, name: "virus.exe" },
      { chat_id: chatId, base64_content: "%%%not base64", name: "a.jpg" },
      { chat_id: chatId, base64_content: "", name: "a.jpg" },
      { chat_id: chatId, base64_content: "A".repeat(14 * 1024 * 1024), name: "big.jpg" },
    ]) {
      const r = await api.call("/v1/chat/send/file", body);
      expect(r.status).toBe(400);
      expect(r.json.code).toBe(3);
    }
  });
});

describe("/v1/chat/start", () => {
  it("returns the existing chat for a posting that has one", async () => {
    const state = await demoState();
    const withChat = state.postings.find((p: Any) => p.chat_id && p.delivery_schema !== "FBO");
    const r = await api.call("/v1/chat/start", { posting_number: withChat.posting_number });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ result: { chat_id: withChat.chat_id } });
  });

  it("creates a chat when the start window is open, and can_create_chat says so", async () => {
    const state = await demoState();
    const startable = state.postings.filter((p: Any) => !p.chat_id && p.available_actions.includes("can_create_chat"));
    expect(startable.length).toBeGreaterThanOrEqual(2);
    const p = startable[0];
    const fbs = await api.call("/v3/posting/fbs/get", { posting_number: p.posting_number });
    expect(fbs.json.result.available_actions).toContain("can_create_chat");
    const r = await api.call("/v1/chat/start", { posting_number: p.posting_number });
    expect(r.status).toBe(200);
    const chatId = r.json.result.chat_id;
    expect(typeof chatId).toBe("string");
    const again = await api.call("/v1/chat/start", { posting_number: p.posting_number });
    expect(again.json.result.chat_id).toBe(chatId);
    const top = await api.call("/v3/chat/list", { limit: 1 });
    expect(top.json.chats[0].chat.chat_id).toBe(chatId);
    expect(top.json.chats[0].last_message_id).toBe(0);
    expect((await api.call("/v1/chat/send/message", { chat_id: chatId, text: "Здравствуйте! Уточните, пожалуйста, адрес." })).status).toBe(200);
  });

  it("refuses FBO, unpaid and old postings, and unknown ones", async () => {
    const state = await demoState();
    const fbo = state.postings.find((p: Any) => p.delivery_schema === "FBO");
    const r1 = await api.call("/v1/chat/start", { posting_number: fbo.posting_number });
    expect(r1.status).toBe(403);
    expect(r1.json).toEqual({ code: 7, message: "only the buyer can start a chat for an FBO posting", details: [] });
    const closed = state.postings.filter((p: Any) => p.delivery_schema !== "FBO" && !p.chat_id && !p.available_actions.includes("can_create_chat"));
    expect(closed.some((p: Any) => p.status === "awaiting_approve")).toBe(true);
    expect(closed.some((p: Any) => p.status === "delivered")).toBe(true);
    for (const p of closed) {
      const r = await api.call("/v1/chat/start", { posting_number: p.posting_number });
      expect(r.status, p.posting_number).toBe(403);
      expect(r.json.message).toBe("access period has expired");
    }
    const unknown = await api.call("/v1/chat/start", { posting_number: "0000000000-0000-1" });
    expect(unknown.status).toBe(404);
    expect(unknown.json.message).toBe("posting not found");
  });
});

describe("postings", () => {
  it("serves FBS/rFBS and FBO gets and lists with the right shapes", async () => {
    const state = await demoState();
    const fbs = state.postings.find((p: Any) => p.delivery_schema === "FBS");
    const fbo = state.postings.find((p: Any) => p.delivery_schema === "FBO");
    expect(fbs.posting_number).toMatch(/^\d{10}-\d{4}-1$/);
    expect(fbs.order_number).toBe(fbs.posting_number.replace(/-1$/, ""));
    expect((await api.call("/v3/posting/fbs/get", { posting_number: fbs.posting_number })).json.result.posting_number).toBe(fbs.posting_number);
    expect((await api.call("/v3/posting/fbs/get", { posting_number: fbo.posting_number })).status).toBe(404);
    expect((await api.call("/v2/posting/fbo/get", { posting_number: fbo.posting_number })).json.result.status).toBeTypeOf("string");
    expect((await api.call("/v2/posting/fbo/get", { posting_number: fbs.posting_number })).status).toBe(404);

    const since = new Date(Date.now() - 365 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const seen: string[] = [];
    let cursor = "";
    for (;;) {
      const r = await api.call("/v4/posting/fbs/list", { filter: { since, to }, limit: 10, cursor });
      expect(r.status).toBe(200);
      expect(r.json.result).toBeUndefined();
      seen.push(...r.json.postings.map((p: Any) => p.posting_number));
      if (!r.json.has_next) break;
      cursor = r.json.cursor;
    }
    const fbsCount = state.postings.filter((p: Any) => p.delivery_schema !== "FBO").length;
    expect(new Set(seen).size).toBe(fbsCount);
    const byOrder = await api.call("/v4/posting/fbs/list", { filter: { since, to, order_numbers: [fbs.order_number] }, limit: 10 });
    expect(byOrder.json.postings.map((p: Any) => p.posting_number)).toEqual([fbs.posting_number]);
    const foList = await api.call("/v3/posting/fbo/list", { filter: { since, to, posting_numbers: [fbo.posting_number] }, limit: 10 });
    expect(foList.json.postings.map((p: Any) => p.posting_number)).toEqual([fbo.posting_number]);
    expect((await api.call("/v4/posting/fbs/list", { filter: { since }, limit: 10 })).status).toBe(400);
    expect((await api.call("/v4/posting/fbs/list", { filter: { since, to }, limit: 101 })).status).toBe(400);
  });
});
