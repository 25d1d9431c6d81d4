/** Reply and start windows for FBO, FBS and rFBS, crossed with the emulator clock. */
import { describe, expect, it } from "vitest";
import { withTestEmulator } from "./with-test-emulator";

const emulator = withTestEmulator({ rateLimit: 0 });
const api = emulator.ozon;
const ctl = emulator.control;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const EXPIRED = { code: 7, message: "access period has expired", details: [] };

const advance = (hours: number) => ctl.advanceClock({ hours });
const send = (chatId: string) => api.call("/v1/chat/send/message", { chat_id: chatId, text: "Здравствуйте! Отвечаем на ваш вопрос." });
const sendFile = (chatId: string) => api.call("/v1/chat/send/file", { chat_id: chatId, base64_content: "aGVsbG8=", name: "check.pdf" });
const start = (postingNumber: string) => api.call("/v1/chat/start", { posting_number: postingNumber });

async function lonePosting(pred: (p: Any) => boolean): Promise<Any> {
  const state = await ctl.state();
  const p = state.postings.find((x: Any) => !x.chat_id && pred(x));
  if (!p) throw new Error("no such seeded posting");
  return p;
}

describe("FBO", () => {
  it("only the buyer starts; the seller may write within 48 h of the buyer's last message", async () => {
    const p = await lonePosting((x) => x.delivery_schema === "FBO");
    expect((await start(p.posting_number)).json.message).toBe("only the buyer can start a chat for an FBO posting");
    const { chat_id } = await ctl.buyerMessage({ posting_number: p.posting_number, text: "Здравствуйте, когда доставка?" });
    expect((await send(chat_id)).status).toBe(200);
    await advance(47);
    expect((await send(chat_id)).status).toBe(200);
    await advance(1.5);
    const late = await send(chat_id);
    expect(late.status).toBe(403);
    expect(late.json).toEqual(EXPIRED);
    expect((await sendFile(chat_id)).json).toEqual(EXPIRED);
    // The buyer writes again: a new 48 h window.
    await ctl.buyerMessage({ chat_id, text: "Ау, вы здесь?" });
    expect((await send(chat_id)).status).toBe(200);
    expect((await sendFile(chat_id)).status).toBe(200);
    // Existing chat: start still refused for FBO.
    expect((await start(p.posting_number)).status).toBe(403);
  });

  it("seeded FBO chats whose buyer wrote more than 48 h ago are closed for writing", async () => {
    const state = await ctl.state();
    const now = Date.parse(state.now);
    const fboChats = state.chats.filter((c: Any) => {
      const p = state.postings.find((x: Any) => x.posting_number === c.posting_number);
      return p?.delivery_schema === "FBO";
    });
    const lastBuyer = (c: Any) => Math.max(...c.messages.filter((m: Any) => /ustomer$/.test(m.user.type)).map((m: Any) => Date.parse(m.created_at)));
    const old = fboChats.filter((c: Any) => now - lastBuyer(c) > 48 * 3_600_000);
    const fresh = fboChats.filter((c: Any) => now - lastBuyer(c) < 47 * 3_600_000);
    expect(old.length).toBeGreaterThan(0);
    expect(fresh.length).toBeGreaterThan(0);
    for (const c of old) expect((await send(c.chat_id)).json).toEqual(EXPIRED);
    for (const c of fresh) expect((await send(c.chat_id)).status).toBe(200);
  });
});

for (const schema of ["FBS", "rFBS"] as const) {
  describe(schema, () => {
    it("writes from payment until 72 h after delivery, then only within 48 h of the buyer", async () => {
      const p = await lonePosting((x) => x.delivery_schema === schema && x.available_actions.includes("can_create_chat") && x.status !== "delivered");
      const { json } = await start(p.posting_number);
      const chatId = json.result.chat_id;
      expect((await send(chatId)).status).toBe(200);
      await advance(24 * 10); // paid long ago, still not delivered: still writable
      expect((await send(chatId)).status).toBe(200);
      await ctl.deliver(p.posting_number);
      await advance(71);
      expect((await send(chatId)).status).toBe(200);
      await advance(2);
      expect((await send(chatId)).json).toEqual(EXPIRED);
      await ctl.buyerMessage({ chat_id: chatId, text: "Товар пришёл с браком." });
      expect((await send(chatId)).status).toBe(200);
      await advance(49);
      expect((await send(chatId)).json).toEqual(EXPIRED);
    });

    it("starts within 72 h of payment or of delivery, not before payment", async () => {
      const unpaid = await lonePosting((x) => x.delivery_schema === schema && x.status === "awaiting_approve");
      expect(unpaid.available_actions).not.toContain("can_create_chat");
      expect((await start(unpaid.posting_number)).json).toEqual(EXPIRED);
      await ctl.pay(unpaid.posting_number);
      await advance(73);
      const got = await api.call("/v3/posting/fbs/get", { posting_number: unpaid.posting_number });
      expect(got.json.result.available_actions).not.toContain("can_create_chat");
      expect((await start(unpaid.posting_number)).json).toEqual(EXPIRED);
      const delivered = await ctl.deliver(unpaid.posting_number);
      expect(delivered.available_actions).toContain("can_create_chat");
      expect(delivered.status).toBe("delivered");
      await advance(71);
      const r = await start(unpaid.posting_number);
      expect(r.status).toBe(200);
      // Once the chat exists, start returns it even after the window.
      await advance(5);
      expect((await start(unpaid.posting_number)).json.result.chat_id).toBe(r.json.result.chat_id);
    });
  });
}

describe("seeded FBS windows", () => {
  it("refuses a chat whose posting was delivered > 72 h ago with no recent buyer message", async () => {
    const state: Any = await ctl.state();
    const now = Date.parse(state.now);
    const closed = state.chats.filter((c: Any) => {
      const p = state.postings.find((x: Any) => x.posting_number === c.posting_number);
      if (!p || p.delivery_schema === "FBO" || !p.fact_delivery_date) return false;
      const buyer = c.messages.filter((m: Any) => /ustomer$/.test(m.user.type)).map((m: Any) => Date.parse(m.created_at));
      return now - Date.parse(p.fact_delivery_date) > 72 * 3_600_000 && now - Math.max(...buyer) > 48 * 3_600_000;
    });
    expect(closed.length).toBeGreaterThan(0);
    for (const c of closed) expect((await send(c.chat_id)).json).toEqual(EXPIRED);
  });
});

describe("service chats", () => {
  it("support chats are always writable, notification chats never", async () => {
    const state = await ctl.state();
    const support = state.chats.find((c: Any) => c.chat_type === "SELLER_SUPPORT")!;
    const notification = state.chats.find((c: Any) => c.chat_type === "SELLER_NOTIFICATION_LOGISTICS")!;
    await advance(24 * 100);
    expect((await send(support.chat_id)).status).toBe(200);
    expect((await send(notification.chat_id)).json).toEqual(EXPIRED);
  });
});
