/** Contract: send message, send file, start chat and the 48 h / 72 h windows on the emulator clock. */
import { describe, expect, it } from "vitest";
import { withEmulator } from "@/lib/testing/with-emulator";

import { getChatHistory } from "./get-chat-history";
import { getPosting } from "./get-posting";
import { listRecentPostings } from "./list-postings";
import type { OzonPosting } from "./posting-schema";
import { sendFile } from "./send-file";
import { sendMessage } from "./send-message";
import { startChat } from "./start-chat";

const emulator = withEmulator();
const ctl = emulator.control;

const PNG_1x1 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const PDF_TINY = Buffer.from("%PDF-1.4\n%%EOF\n").toString("base64");

async function postings(): Promise<OzonPosting[]> {
  const r = await listRecentPostings(emulator.connection(), { days: 365 });
  return r.postings;
}
async function postingWithoutChat(pred: (p: OzonPosting) => boolean): Promise<OzonPosting> {
  const state = await ctl.state();
  const withChat = new Set(state.chats.map((c) => c.posting_number).filter(Boolean));
  const p = (await postings()).find((x) => !withChat.has(x.postingNumber) && pred(x));
  if (!p) throw new Error("the seed has no such posting");
  return p;
}
async function lastMessage(chatId: string) {
  const state = await ctl.state();
  return state.chats.find((c) => c.chat_id === chatId)!.messages.at(-1)!;
}
/** A buyer chat with an open reply window: a fresh buyer message on an FBO posting. */
async function freshBuyerChat(): Promise<string> {
  const p = await postingWithoutChat((x) => x.scheme === "FBO");
  const { chat_id } = await ctl.buyerMessage({ posting_number: p.postingNumber, text: "Здравствуйте! Вопрос по заказу." });
  return chat_id;
}

describe("/v1/chat/send/message", () => {
  it("sends; the message is stored once, as the seller, with the exact text", async () => {
    const conn = emulator.connection();
    const chatId = await freshBuyerChat();
    const text = "Добрый день! Отправим завтра 📦";
    await expect(sendMessage(conn, { chatId, text })).resolves.toEqual({ result: "success" });
    const last = await lastMessage(chatId);
    expect(last.data).toEqual([text]);
    expect(last.user.type).toBe("Seller");
    const h = await getChatHistory(conn, { chatId, limit: 1 });
    expect(h.messages[0]).toMatchObject({ messageId: last.message_id, user: { type: "seller" }, data: [text], isRead: true });
  });

  it("1000 emoji pass, 1001 and blank are refused before the wire; the emulator agrees (raw)", async () => {
    const conn = emulator.connection();
    const chatId = await freshBuyerChat();
    await ctl.resetCalls();
    await expect(sendMessage(conn, { chatId, text: "😀".repeat(1001) })).rejects.toMatchObject({ kind: "invalid_input", status: 0 });
    await expect(sendMessage(conn, { chatId, text: " \n " })).rejects.toMatchObject({ kind: "invalid_input", status: 0 });
    await expect(sendMessage(conn, { chatId, text: "" })).rejects.toMatchObject({ kind: "invalid_input", status: 0 });
    expect((await ctl.calls()).total).toBe(0);
    await sendMessage(conn, { chatId, text: "😀".repeat(1000) });
    expect((await lastMessage(chatId)).data).toEqual(["😀".repeat(1000)]);

    for (const text of ["😀".repeat(1001), "   ", ""]) {
      const r = await emulator.ozon.call("/v1/chat/send/message", { chat_id: chatId, text });
      expect(r.status, `text of ${[...text].length}`).toBe(400);
      expect(r.json?.code).toBe(3);
    }
    expect((await emulator.ozon.call("/v1/chat/send/message", { chat_id: chatId })).status).toBe(400);
  });

  it("unknown chat is not_found; a notification chat is closed; a support chat is writable", async () => {
    const conn = emulator.connection();
    await expect(sendMessage(conn, { chatId: "00000000-0000-0000-0000-000000000000", text: "hi" })).rejects.toMatchObject({
      kind: "not_found",
      ozonMessage: "chat not found",
      outcomeUnknown: false,
    });
    const state = await ctl.state();
    const notif = state.chats.find((c) => c.chat_type.startsWith("SELLER_NOTIFICATION"));
    const support = state.chats.find((c) => c.chat_type === "SELLER_SUPPORT");
    expect(notif && support).toBeTruthy();
    await expect(sendMessage(conn, { chatId: notif!.chat_id, text: "hi" })).rejects.toMatchObject({
      kind: "window_closed",
      status: 403,
      ozonCode: 7,
      ozonMessage: "access period has expired",
    });
    await expect(sendMessage(conn, { chatId: support!.chat_id, text: "Вопрос в поддержку" })).resolves.toEqual({ result: "success" });
  });
});

describe("/v1/chat/send/file", () => {
  it("sends an image (is_image in history) and a pdf", async () => {
    const conn = emulator.connection();
    const chatId = await freshBuyerChat();
    await expect(sendFile(conn, { chatId, name: "photo.PNG", base64Content: PNG_1x1 })).resolves.toEqual({ result: "success" });
    const img = await lastMessage(chatId);
    expect(img.is_image).toBe(true);
    expect(img.user.type).toBe("Seller");
    const h = await getChatHistory(conn, { chatId, limit: 1 });
    expect(h.messages[0]).toMatchObject({ isImage: true, user: { type: "seller" } });
    expect(img.data[0]).toMatch(/^!\[[^\]]*\]\(https:\/\//); // [inf] image as markdown with an https URL
    await expect(sendFile(conn, { chatId, name: "invoice.pdf", base64Content: PDF_TINY })).resolves.toEqual({ result: "success" });
    const pdf = await lastMessage(chatId);
    expect(pdf.message_id).not.toBe(img.message_id);
    expect(pdf.is_image).toBe(false);
  });

  it("bad files are refused before the wire; the emulator refuses them too (raw)", async () => {
    const conn = emulator.connection();
    const chatId = await freshBuyerChat();
    await ctl.resetCalls();
    await expect(sendFile(conn, { chatId, name: "virus.exe", base64Content: PNG_1x1 })).rejects.toMatchObject({ kind: "invalid_input" });
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 1).toString("base64");
    await expect(sendFile(conn, { chatId, name: "big.pdf", base64Content: big })).rejects.toMatchObject({ kind: "invalid_input" });
    expect((await ctl.calls()).total).toBe(0);

    for (const body of [
      { chat_id: chatId, name: "virus.exe", base64_content: PNG_1x1 },
      { chat_id: chatId, name: "a.png", base64_content: "%%% not base64 %%%" },
      { chat_id: chatId, name: "big.pdf", base64_content: big },
      { chat_id: chatId, base64_content: PNG_1x1 },
    ]) {
      const r = await emulator.ozon.call("/v1/chat/send/file", body);
      expect(r.status, String(body.name)).toBe(400);
      expect(r.json?.code).toBe(3);
    }
    const exact = Buffer.alloc(10 * 1024 * 1024, 1).toString("base64");
    await expect(sendFile(conn, { chatId, name: "exact.pdf", base64Content: exact })).resolves.toEqual({ result: "success" });
  });

  it("outside the window: window_closed", async () => {
    const conn = emulator.connection();
    const chatId = await freshBuyerChat();
    await ctl.advanceClock({ hours: 49 });
    await expect(sendFile(conn, { chatId, name: "a.png", base64Content: PNG_1x1 })).rejects.toMatchObject({
      kind: "window_closed",
      ozonMessage: "access period has expired",
    });
  });
});

describe("/v1/chat/start", () => {
  it("FBS within the window: starts; again returns the same chat; posting shows can_create_chat", async () => {
    const conn = emulator.connection();
    const p = await postingWithoutChat((x) => x.scheme !== "FBO" && x.canCreateChat);
    const { chatId } = await startChat(conn, { postingNumber: p.postingNumber });
    expect(chatId).toMatch(/\S/);
    const state = await ctl.state();
    const c = state.chats.find((x) => x.chat_id === chatId);
    expect(c).toMatchObject({ posting_number: p.postingNumber, chat_type: "BUYER_SELLER" });
    // existing chat returned [inf]
    await expect(startChat(conn, { postingNumber: p.postingNumber })).resolves.toEqual({ chatId });
    expect((await ctl.state()).chats.filter((x) => x.posting_number === p.postingNumber)).toHaveLength(1);
    // and the seller can write in it (after payment)
    await expect(sendMessage(conn, { chatId, text: "Здравствуйте! Уточните, пожалуйста, адрес." })).resolves.toEqual({ result: "success" });
  });

  it("FBO is refused: only the buyer starts", async () => {
    const conn = emulator.connection();
    const p = (await postings()).find((x) => x.scheme === "FBO")!;
    expect(p.canCreateChat).toBe(false);
    const e = await startChat(conn, { postingNumber: p.postingNumber }).catch((x: unknown) => x);
    expect(e).toMatchObject({
      kind: "window_closed",
      status: 403,
      ozonCode: 7,
      ozonMessage: "only the buyer can start a chat for an FBO posting",
      outcomeUnknown: false,
    });
    expect((e as Error).message).toMatch(/Only the buyer/);
  });

  it("unpaid, then paid, then 72 h later, then delivered", async () => {
    const conn = emulator.connection();
    const p = await postingWithoutChat((x) => x.scheme !== "FBO" && x.inProcessAt === null && x.status !== "cancelled");
    expect(p.canCreateChat).toBe(false);
    await expect(startChat(conn, { postingNumber: p.postingNumber })).rejects.toMatchObject({
      kind: "window_closed",
      ozonMessage: "access period has expired",
    });
    await ctl.pay(p.postingNumber);
    expect((await getPosting(conn, { postingNumber: p.postingNumber })).canCreateChat).toBe(true);
    await ctl.advanceClock({ hours: 73 });
    expect((await getPosting(conn, { postingNumber: p.postingNumber })).canCreateChat).toBe(false);
    await expect(startChat(conn, { postingNumber: p.postingNumber })).rejects.toMatchObject({ kind: "window_closed" });
    await ctl.deliver(p.postingNumber);
    expect((await getPosting(conn, { postingNumber: p.postingNumber })).canCreateChat).toBe(true);
    const { chatId } = await startChat(conn, { postingNumber: p.postingNumber });
    expect(chatId).toBeTruthy();
  });

  it("unknown posting is not_found", async () => {
    await expect(startChat(emulator.connection(), { postingNumber: "0000000000-0000-9" })).rejects.toMatchObject({
      kind: "not_found",
      ozonMessage: "posting not found",
    });
  });
});

describe("windows on the emulator clock", () => {
  it("FBO: 48 h from the buyer's last message", async () => {
    const conn = emulator.connection();
    const chatId = await freshBuyerChat();
    await ctl.advanceClock({ hours: 47 });
    await expect(sendMessage(conn, { chatId, text: "Ответ через 47 ч" })).resolves.toEqual({ result: "success" });
    await ctl.advanceClock({ hours: 2 }); // 49 h after the buyer's message; the seller's own reply does not extend it
    await expect(sendMessage(conn, { chatId, text: "Ответ через 49 ч" })).rejects.toMatchObject({
      kind: "window_closed",
      ozonMessage: "access period has expired",
      outcomeUnknown: false,
    });
    await ctl.buyerMessage({ chat_id: chatId, text: "Вы тут?" });
    await expect(sendMessage(conn, { chatId, text: "Да!" })).resolves.toEqual({ result: "success" });
  });

  it("FBS/rFBS: from payment until 72 h after delivery, then 48 h after the buyer's last message", async () => {
    const conn = emulator.connection();
    const p = await postingWithoutChat((x) => x.scheme !== "FBO" && x.inProcessAt === null && x.status !== "cancelled");
    await ctl.pay(p.postingNumber);
    const { chatId } = await startChat(conn, { postingNumber: p.postingNumber });
    await expect(sendMessage(conn, { chatId, text: "Спасибо за заказ!" })).resolves.toEqual({ result: "success" });
    await ctl.advanceClock({ hours: 100 }); // paid, not delivered yet: still writable
    await expect(sendMessage(conn, { chatId, text: "Заказ в пути" })).resolves.toEqual({ result: "success" });
    await ctl.deliver(p.postingNumber);
    await ctl.advanceClock({ hours: 71 });
    await expect(sendMessage(conn, { chatId, text: "Как вам товар?" })).resolves.toEqual({ result: "success" });
    await ctl.advanceClock({ hours: 2 }); // 73 h after delivery
    await expect(sendMessage(conn, { chatId, text: "Ещё раз" })).rejects.toMatchObject({ kind: "window_closed" });
    await ctl.buyerMessage({ chat_id: chatId, text: "Всё хорошо, спасибо" });
    await ctl.advanceClock({ hours: 47 });
    await expect(sendMessage(conn, { chatId, text: "Рады помочь" })).resolves.toEqual({ result: "success" });
    await ctl.advanceClock({ hours: 2 });
    await expect(sendMessage(conn, { chatId, text: "Поздно" })).rejects.toMatchObject({ kind: "window_closed" });
  });
});
