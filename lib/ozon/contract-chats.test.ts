/** Contract: /v3/chat/list, /v3/chat/history, /v2/chat/read against the running emulator over real HTTP. */
import { describe, expect, it } from "vitest";
import { type EmulatorChat } from "@/emulator/testing";
import { withEmulator } from "@/lib/testing/with-emulator";

import { getChatHistory } from "./get-chat-history";
import { listAllChats, listChats } from "./list-chats";
import { markChatRead } from "./mark-chat-read";
import { normalizeUserType } from "./schemas";

const emulator = withEmulator();
const ctl = emulator.control;

const TWO_53 = 2n ** 53n;
const isBuyer = (c: EmulatorChat) => c.chat_type === "BUYER_SELLER" || c.chat_type === "BUYER_SELLER_SELECT";

describe("/v3/chat/list", () => {
  it("pages with the cursor to the end and matches the emulator state", async () => {
    const conn = emulator.connection();
    const state = await ctl.state();
    const first = await listChats(conn, { limit: 7 });
    expect(first.chats).toHaveLength(Math.min(7, state.chats.length));
    expect(first.hasNext).toBe(state.chats.length > 7);

    const all = await listAllChats(conn, { limit: 7 });
    expect(all.complete).toBe(true);
    expect(all.pages).toBe(Math.ceil(state.chats.length / 7));
    expect(new Set(all.chats.map((c) => c.chatId))).toEqual(new Set(state.chats.map((c) => c.chat_id)));
    expect(all.chats).toHaveLength(state.chats.length);
    expect(all.totalUnreadCount).toBe(state.chats.reduce((n, c) => n + c.unread_count, 0));

    for (const c of all.chats) {
      const s = state.chats.find((x) => x.chat_id === c.chatId)!;
      expect(c.unreadCount).toBe(s.unread_count);
      expect(c.chatType).toBe(s.chat_type.toUpperCase());
      expect(c.isBuyerChat).toBe(isBuyer(s));
      expect(c.chatStatus).toBe(s.chat_status);
      const last = s.messages.at(-1)?.message_id ?? "0";
      expect(c.lastMessageId).toBe(last); // exact: ids > 2^53 arrive as bare numbers
      if (last !== "0") expect(BigInt(c.lastMessageId) > TWO_53).toBe(true);
      const firstUnread = s.messages.find((m) => !m.is_read && normalizeUserType(m.user.type) !== "seller");
      expect(c.firstUnreadMessageId).toBe(firstUnread?.message_id ?? "0");
    }
    // newest activity first [inf]
    const lastIds = all.chats.map((c) => BigInt(c.lastMessageId)).filter((x) => x > 0n);
    for (let i = 1; i < lastIds.length; i++) expect(lastIds[i - 1]! >= lastIds[i]!).toBe(true);
  });

  it("default page size and one-page listing", async () => {
    const conn = emulator.connection();
    const r = await listChats(conn);
    const state = await ctl.state();
    expect(r.chats.length).toBe(Math.min(100, state.chats.length));
  });

  it("filters by status and unread", async () => {
    const conn = emulator.connection();
    const opened = await listAllChats(conn, { chatStatus: "OPENED" });
    const closed = await listAllChats(conn, { chatStatus: "CLOSED" });
    const state = await ctl.state();
    expect(opened.chats.every((c) => c.chatStatus === "OPENED")).toBe(true);
    expect(closed.chats.every((c) => c.chatStatus === "CLOSED")).toBe(true);
    expect(opened.chats.length + closed.chats.length).toBe(state.chats.length);
    const unread = await listAllChats(conn, { unreadOnly: true });
    expect(unread.chats.length).toBe(state.chats.filter((c) => c.unread_count > 0).length);
    expect(unread.chats.every((c) => c.unreadCount > 0)).toBe(true);
  });

  it("refuses a cursor it did not issue", async () => {
    await expect(listChats(emulator.connection(), { cursor: "not-a-cursor" })).rejects.toMatchObject({
      kind: "invalid_input",
      status: 400,
      ozonCode: 3,
      ozonMessage: "Cursor value is incorrect",
    });
  });

  it("emulator enforces limit 1..100 and the status enum (raw wire)", async () => {
    for (const body of [{ limit: 0 }, { limit: 101 }, {}, { limit: 5, filter: { chat_status: "opened" } }]) {
      const r = await emulator.ozon.call("/v3/chat/list", body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json?.code).toBe(3);
    }
    for (const s of ["ALL", "All", "Opened", "CLOSED"]) {
      expect((await emulator.ozon.call("/v3/chat/list", { limit: 5, filter: { chat_status: s } })).status).toBe(200);
    }
  });
});

describe("/v3/chat/history", () => {
  async function chatWithMessages(min: number): Promise<EmulatorChat> {
    const state = await ctl.state();
    const c = state.chats.filter((x) => x.messages.length >= min).sort((a, b) => b.messages.length - a.messages.length)[0];
    if (!c) throw new Error(`no chat with ${min} messages in the seed`);
    return c;
  }

  it("Backward by default from the newest, ids exact, authors normalised", async () => {
    const conn = emulator.connection();
    const s = await chatWithMessages(4);
    const r = await getChatHistory(conn, { chatId: s.chat_id });
    const expected = [...s.messages].reverse().slice(0, 50);
    expect(r.messages.map((m) => m.messageId)).toEqual(expected.map((m) => m.message_id));
    expect(r.hasNext).toBe(s.messages.length > 50);
    for (const [i, m] of r.messages.entries()) {
      const e = expected[i]!;
      expect(m.user.rawType).toBe(e.user.type);
      expect(m.user.type).toBe(normalizeUserType(e.user.type));
      expect(m.isRead).toBe(e.is_read);
      expect(m.isImage).toBe(e.is_image);
      expect(m.data).toEqual(e.data);
      expect(m.createdAt).toBe(e.created_at);
      expect(BigInt(m.messageId) > TWO_53).toBe(true);
    }
  });

  it("carries order context and image markdown where the seed has them", async () => {
    const state = await ctl.state();
    const withCtx = state.chats.find((c) => c.messages.some((m) => m.context?.order_number));
    expect(withCtx, "the seed has messages with context").toBeDefined();
    const h = await getChatHistory(emulator.connection(), { chatId: withCtx!.chat_id, limit: 1000 });
    const m = h.messages.find((x) => x.context)!;
    const s = withCtx!.messages.find((x) => x.message_id === m.messageId)!;
    expect(m.context).toEqual({ orderNumber: s.context!.order_number, sku: String(s.context!.sku) });
    const withImg = state.chats.find((c) => c.messages.some((x) => x.is_image));
    expect(withImg, "the seed has image messages").toBeDefined();
    const hi = await getChatHistory(emulator.connection(), { chatId: withImg!.chat_id, limit: 1000 });
    const img = hi.messages.find((x) => x.isImage)!;
    expect(img.data[0]).toMatch(/!\[[^\]]*\]\(https:\/\//); // [inf] markdown image with an https URL
    expect(["SUCCESS", "MODERATION", "FAILED"]).toContain(img.moderateImageStatus);
  });

  it("unknown path is 404 code 5 Not Found (raw)", async () => {
    const r = await emulator.ozon.call("/v9/nope", {});
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ code: 5, message: "Not Found" });
  });

  it("normalises the Cyrillic Сustomer", async () => {
    const state = await ctl.state();
    const chat = state.chats.find((c) => c.messages.some((m) => m.user.type === "\u0421ustomer"));
    expect(chat, "the seed has Cyrillic Сustomer messages").toBeDefined();
    const r = await getChatHistory(emulator.connection(), { chatId: chat!.chat_id, limit: 1000 });
    const cyr = r.messages.filter((m) => m.user.rawType === "\u0421ustomer");
    expect(cyr.length).toBeGreaterThan(0);
    expect(cyr.every((m) => m.user.type === "customer")).toBe(true);
  });

  it("pages Backward and Forward with from_message_id inclusive, limit and has_next", async () => {
    const conn = emulator.connection();
    const s = await chatWithMessages(5);
    const ids = s.messages.map((m) => m.message_id);
    const n = ids.length;

    const newest2 = await getChatHistory(conn, { chatId: s.chat_id, limit: 2 });
    expect(newest2.messages.map((m) => m.messageId)).toEqual([ids[n - 1], ids[n - 2]]);
    expect(newest2.hasNext).toBe(true);

    // Backward from the oldest seen, inclusive [inf]
    const older = await getChatHistory(conn, { chatId: s.chat_id, direction: "Backward", fromMessageId: ids[n - 2]!, limit: 2 });
    expect(older.messages.map((m) => m.messageId)).toEqual([ids[n - 2], ids[n - 3]]);

    // Walk everything backward, deduping
    const seen: string[] = [];
    let from: string | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const page = await getChatHistory(conn, { chatId: s.chat_id, limit: 2, ...(from ? { fromMessageId: from } : {}) });
      for (const m of page.messages) if (!seen.includes(m.messageId)) seen.push(m.messageId);
      if (!page.hasNext) break;
      from = page.messages.at(-1)!.messageId;
    }
    expect(seen).toEqual([...ids].reverse());

    // Forward from the first: oldest to newest
    const fwd = await getChatHistory(conn, { chatId: s.chat_id, direction: "Forward", fromMessageId: ids[0]!, limit: 3 });
    expect(fwd.messages.map((m) => m.messageId)).toEqual(ids.slice(0, 3));
    expect(fwd.hasNext).toBe(n > 3);
    const fwdAll = await getChatHistory(conn, { chatId: s.chat_id, direction: "Forward", fromMessageId: ids[1]!, limit: 1000 });
    expect(fwdAll.messages.map((m) => m.messageId)).toEqual(ids.slice(1));
    expect(fwdAll.hasNext).toBe(false);
  });

  it("filter.message_ids returns just those, in direction order", async () => {
    const conn = emulator.connection();
    const s = await chatWithMessages(4);
    const ids = s.messages.map((m) => m.message_id);
    const pick = [ids[0]!, ids[2]!];
    const back = await getChatHistory(conn, { chatId: s.chat_id, messageIds: pick });
    expect(back.messages.map((m) => m.messageId)).toEqual([ids[2], ids[0]]);
    const fwd = await getChatHistory(conn, { chatId: s.chat_id, direction: "Forward", fromMessageId: ids[0]!, messageIds: pick });
    expect(fwd.messages.map((m) => m.messageId)).toEqual([ids[0], ids[2]]);
  });

  it("emulator accepts ids as bare numbers too, and enforces direction/limit/from rules (raw wire)", async () => {
    const s = await chatWithMessages(3);
    const id = s.messages[0]!.message_id;
    const bare = await emulator.ozon.raw("/v3/chat/history", `{"chat_id":"${s.chat_id}","direction":"Forward","from_message_id":${id},"limit":1}`);
    expect(bare.status).toBe(200);
    expect(bare.text).toContain(`"message_id":${id}`); // a bare JSON number, exact digits
    const filt = await emulator.ozon.raw("/v3/chat/history", `{"chat_id":"${s.chat_id}","filter":{"message_ids":[${id}]}}`);
    expect(filt.status).toBe(200);
    expect(filt.text).toContain(id);
    for (const body of [
      { chat_id: s.chat_id, direction: "Forward" },
      { chat_id: s.chat_id, direction: "forward", from_message_id: id },
      { chat_id: s.chat_id, limit: 0 },
      { chat_id: s.chat_id, limit: 1001 },
      { direction: "Backward" },
    ]) {
      const r = await emulator.ozon.call("/v3/chat/history", body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json?.code).toBe(3);
    }
    expect((await emulator.ozon.call("/v3/chat/history", { chat_id: s.chat_id, limit: 1000 })).status).toBe(200);
    expect((await emulator.ozon.raw("/v3/chat/history", "{not json")).json).toMatchObject({ code: 3, message: "invalid JSON body" });
  });

  it("unknown chat is not_found", async () => {
    await expect(getChatHistory(emulator.connection(), { chatId: "00000000-0000-0000-0000-000000000000" })).rejects.toMatchObject({
      kind: "not_found",
      status: 404,
      ozonCode: 5,
      ozonMessage: "chat not found",
    });
  });
});

describe("/v2/chat/read", () => {
  it("marks a message and all earlier read; counts agree with history and list", async () => {
    const conn = emulator.connection();
    // Make a chat with a known number of unread buyer messages.
    const state0 = await ctl.state();
    const target = state0.chats.find((c) => isBuyer(c) && c.unread_count >= 1) ?? state0.chats.find(isBuyer)!;
    await ctl.buyerMessage({ chat_id: target.chat_id, text: "ещё вопрос 1" });
    await ctl.buyerMessage({ chat_id: target.chat_id, text: "ещё вопрос 2" });
    await ctl.buyerMessage({ chat_id: target.chat_id, text: "ещё вопрос 3" });

    const unreadIn = async () => {
      const h = await getChatHistory(conn, { chatId: target.chat_id, limit: 1000 });
      return { h, n: h.messages.filter((m) => !m.isRead && m.user.type !== "seller").length };
    };
    const listed = async () => (await listAllChats(conn)).chats.find((c) => c.chatId === target.chat_id)!;

    const before = await unreadIn();
    expect(before.n).toBeGreaterThanOrEqual(3);
    expect((await listed()).unreadCount).toBe(before.n);

    // Mark up to the second-newest buyer message: everything up to it is read, the newest stays unread.
    const buyerMsgs = before.h.messages.filter((m) => m.user.type === "customer"); // newest first
    const upTo = buyerMsgs[1]!.messageId;
    const r = await markChatRead(conn, { chatId: target.chat_id, fromMessageId: upTo });
    const after = await unreadIn();
    expect(r.unreadCount).toBe(1);
    expect(after.n).toBe(1);
    for (const m of after.h.messages) {
      if (BigInt(m.messageId) <= BigInt(upTo)) expect(m.isRead, m.messageId).toBe(true);
    }
    const l = await listed();
    expect(l.unreadCount).toBe(1);
    expect(l.firstUnreadMessageId).toBe(buyerMsgs[0]!.messageId);

    // Without from_message_id: all read [inf]
    expect(await markChatRead(conn, { chatId: target.chat_id })).toEqual({ unreadCount: 0 });
    expect((await unreadIn()).n).toBe(0);
    const l2 = await listed();
    expect(l2.unreadCount).toBe(0);
    expect(l2.firstUnreadMessageId).toBe("0");

    // Total unread agrees with the per-chat counts.
    const all = await listAllChats(conn);
    expect(all.totalUnreadCount).toBe(all.chats.reduce((n, c) => n + c.unreadCount, 0));
  });

  it("unknown chat is not_found", async () => {
    await expect(markChatRead(emulator.connection(), { chatId: "nope" })).rejects.toMatchObject({ kind: "not_found" });
  });
});
