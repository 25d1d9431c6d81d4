import { beforeEach, expect, it } from "vitest";
import { createTestUser, type TestUser } from "@/lib/auth/testing";
import { forEachDatabase } from "@/lib/db/testing";
import { withEmulator } from "@/lib/testing/with-emulator";
import { errorResponse } from "@/lib/http/error-response";
import { getChatHistory, sendMessage } from "@/lib/ozon";
import { storeMessages } from "@/lib/cache/store-messages";
import { toChatView } from "@/lib/cache/chat-view";
import { syncAccountNow } from "@/lib/testing/sync-test-account";
import { retryOutboxMessage } from "./retry-outbox-message";
import { sendChatFile } from "./send-chat-file";
import { sendChatMessage, sendChatMessageResponseSchema } from "./send-chat-message";
import { resetToCachedDemoAccount } from "./test-helpers";

// Without the rate limit: sends are never retried on a 429.
const emulator = withEmulator({ rateLimit: 0 });

const SEND = "/v1/chat/send/message";
// 1×1 transparent PNG.
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

forEachDatabase("sending through the outbox", (db) => {
  let accountId: string;
  let agent: TestUser;
  const ozon = emulator.control;
  const connection = emulator.connection;

  beforeEach(async () => {
    accountId = await resetToCachedDemoAccount(db, connection());
    agent = await createTestUser(db, { accountIds: [accountId] });
  });

  /** A buyer chat Ozon lets the seller write to: an FBS/rFBS posting paid and not delivered yet. */
  async function writableChat() {
    const state = await ozon.state();
    const posting = state.postings.find(
      (p) => p.delivery_schema !== "FBO" && ["awaiting_packaging", "awaiting_deliver"].includes(String(p.status)) && p.chat_id,
    );
    const chat = await db.prisma.chat.findFirstOrThrow({ where: { accountId, ozonChatId: String(posting!.chat_id) } });
    return chat;
  }

  async function ozonTexts(ozonChatId: string, text: string) {
    const state = await ozon.state();
    const chat = state.chats.find((c) => c.chat_id === ozonChatId)!;
    return chat.messages.filter((m) => m.data.join("\n") === text);
  }

  const target = (chatId: string) => ({ accountId, chatId, userId: agent.id });

  it("sends once and the cache holds one row for the message, even after a sync stores the same history", async () => {
    const chat = await writableChat();
    const text = "Здравствуйте! Отправим заказ завтра 📦";
    const outcome = await sendChatMessage(db.prisma, connection(), target(chat.id), { clientId: "tmp-1", text });

    expect(sendChatMessageResponseSchema.parse(outcome)).toEqual(outcome);
    expect(outcome.outbox.state).toBe("SENT");
    expect(outcome.outbox.attempts).toBe(1);
    expect(outcome.message).toMatchObject({ text, authorType: "seller", sentBy: { id: agent.id } });
    const onOzon = await ozonTexts(chat.ozonChatId, text);
    expect(onOzon).toHaveLength(1);
    expect(outcome.outbox.ozonMessageId).toBe(onOzon[0]!.message_id);

    // The sync reads the same history later.
    const history = await getChatHistory(connection(), { chatId: chat.ozonChatId, limit: 50 });
    await storeMessages(db.prisma, { id: chat.id }, history.messages);
    const rows = await db.prisma.message.findMany({ where: { chatId: chat.id, text } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sentByUserId).toBe(agent.id);
    expect((await db.prisma.chat.findUniqueOrThrow({ where: { id: chat.id } })).lastMessagePreview).toBe(text);
  });

  it("keeps the cache a gap-free run of Ozon's history when buyer messages arrived since the last sync", async () => {
    const chat = await writableChat();
    const synced = await getChatHistory(connection(), { chatId: chat.ozonChatId, limit: 1000 });
    await storeMessages(db.prisma, { id: chat.id }, synced.messages);
    // More than the send's lookup page, so the messages in between must be read separately.
    for (let i = 1; i <= 25; i++) await ozon.buyerMessage({ chat_id: chat.ozonChatId, text: `Вопрос ${i}` });

    const text = "Отвечаем на все вопросы";
    const outcome = await sendChatMessage(db.prisma, connection(), target(chat.id), { clientId: "gap", text });
    expect(outcome.outbox.state).toBe("SENT");

    const onOzon = await getChatHistory(connection(), { chatId: chat.ozonChatId, limit: 1000 });
    const cached = await db.prisma.message.findMany({ where: { chatId: chat.id }, orderBy: { ozonMessageId: "desc" } });
    expect(cached.map((m) => m.ozonMessageId.toString())).toEqual(onOzon.messages.map((m) => m.messageId));
    expect(cached.filter((m) => m.sentByUserId === agent.id).map((m) => m.text)).toEqual([text]);
  });

  it("sends a repeated POST with the same clientId once, also when both arrive together", async () => {
    const chat = await writableChat();
    const text = "Спасибо за заказ!";
    await ozon.resetCalls();
    const [first, second] = await Promise.all([
      sendChatMessage(db.prisma, connection(), target(chat.id), { clientId: "same", text }),
      sendChatMessage(db.prisma, connection(), target(chat.id), { clientId: "same", text }),
    ]);
    const third = await sendChatMessage(db.prisma, connection(), target(chat.id), { clientId: "same", text });

    expect(new Set([first.outbox.id, second.outbox.id, third.outbox.id]).size).toBe(1);
    expect(third.outbox.state).toBe("SENT");
    expect(third.message?.text).toBe(text);
    expect(await ozonTexts(chat.ozonChatId, text)).toHaveLength(1);
    expect((await ozon.calls()).by_path[SEND]).toBe(1);
    expect(await db.prisma.outboxMessage.count()).toBe(1);
  });

  it("refuses the same clientId for a different text", async () => {
    const chat = await writableChat();
    await sendChatMessage(db.prisma, connection(), target(chat.id), { clientId: "dup", text: "Первый" });
    await expect(sendChatMessage(db.prisma, connection(), target(chat.id), { clientId: "dup", text: "Второй" })).rejects.toMatchObject({
      code: "client_id_reused",
    });
    expect(await ozonTexts(chat.ozonChatId, "Второй")).toHaveLength(0);
  });

  it("does not send again a message Ozon applied without answering (timeout after apply)", async () => {
    const chat = await writableChat();
    const text = "Ваш заказ передан в доставку";
    await ozon.addFault({ path: SEND, mode: "timeout_after_apply", delay_ms: 1500, count: 1 });
    const hasty = connection({ timeoutMs: 400 });

    // Answered, not thrown: the row is on its way, being checked with Ozon (the outbox worker would settle it).
    const answered = await sendChatMessage(db.prisma, hasty, target(chat.id), { clientId: "amb-1", text });
    expect(answered.outbox).toMatchObject({ state: "UNKNOWN", attempts: 1 });
    const row = await db.prisma.outboxMessage.findFirstOrThrow({ where: { clientId: "amb-1" } });
    expect(row.state).toBe("UNKNOWN");
    expect(row.leaseOwner).toBeNull();

    const retried = await retryOutboxMessage(db.prisma, connection(), { accountId, chatId: chat.id, outboxId: row.id });
    expect(retried.outbox.state).toBe("SENT");
    expect(retried.outbox.attempts).toBe(1);
    expect(retried.message).toMatchObject({ text, sentBy: { id: agent.id } });
    expect(await ozonTexts(chat.ozonChatId, text)).toHaveLength(1);
    expect((await ozon.calls()).by_path[SEND]).toBe(1);

    // A second retry is harmless.
    const again = await retryOutboxMessage(db.prisma, connection(), { accountId, chatId: chat.id, outboxId: row.id });
    expect(again.outbox.state).toBe("SENT");
    expect(await ozonTexts(chat.ozonChatId, text)).toHaveLength(1);
  });

  it("sends once on retry a message whose connection dropped before Ozon applied it", async () => {
    const chat = await writableChat();
    const text = "Проверим и ответим сегодня";
    await ozon.addFault({ path: SEND, mode: "drop", count: 1 });

    expect((await sendChatMessage(db.prisma, connection(), target(chat.id), { clientId: "drop-1", text })).outbox.state).toBe("UNKNOWN");
    const row = await db.prisma.outboxMessage.findFirstOrThrow({ where: { clientId: "drop-1" } });
    expect(row.state).toBe("UNKNOWN");
    expect(await ozonTexts(chat.ozonChatId, text)).toHaveLength(0);

    const retried = await retryOutboxMessage(db.prisma, connection(), { accountId, chatId: chat.id, outboxId: row.id });
    expect(retried.outbox).toMatchObject({ state: "SENT", attempts: 2 });
    expect(await ozonTexts(chat.ozonChatId, text)).toHaveLength(1);
    expect(await db.prisma.message.count({ where: { chatId: chat.id, text } })).toBe(1);
  });

  it("does not take the seller's identical reply written in Ozon's portal just before for an undelivered send", async () => {
    const chat = await writableChat();
    const text = "Спасибо за заказ!";
    // The seller answers the same words in Ozon's own portal (outside the inbox) ...
    await sendMessage(connection(), { chatId: chat.ozonChatId, text });
    const portalReply = (await ozonTexts(chat.ozonChatId, text))[0]!;
    // ... then an agent's send of those words never reaches Ozon.
    await ozon.addFault({ path: SEND, mode: "drop", count: 1 });
    expect((await sendChatMessage(db.prisma, connection(), target(chat.id), { clientId: "portal-1", text })).outbox.state).toBe("UNKNOWN");
    const row = await db.prisma.outboxMessage.findFirstOrThrow({ where: { clientId: "portal-1" } });
    expect(row.sentAfterMessageId).toBe(BigInt(portalReply.message_id));

    const retried = await retryOutboxMessage(db.prisma, connection(), { accountId, chatId: chat.id, outboxId: row.id });
    expect(retried.outbox.state).toBe("SENT");
    const onOzon = await ozonTexts(chat.ozonChatId, text);
    expect(onOzon).toHaveLength(2);
    expect(retried.outbox.ozonMessageId).toBe(onOzon[1]!.message_id);
  });

  it("settles a send whose process stopped mid-way (its lease ran out) by the chat, before any resend; a held one is left alone", async () => {
    const chat = await writableChat();
    const threeMinutesAgo = new Date(Date.now() - 3 * 60_000);
    // Rows without the kept id (written before it existed); the dead process's lease ran out, the live one's not.
    const row = (clientId: string, text: string, at: Date, leaseUntil: Date) =>
      db.prisma.outboxMessage.create({
        data: { accountId, chatId: chat.id, clientId, userId: agent.id, kind: "TEXT", text, state: "SENDING", attempts: 1, createdAt: at, updatedAt: at, leaseOwner: "other-instance", leaseUntil },
      });
    const delivered = await row("died-after", "Ушло до сбоя", threeMinutesAgo, threeMinutesAgo);
    await emulator.ozon.call(SEND, { chat_id: chat.ozonChatId, text: "Ушло до сбоя" });
    const lost = await row("died-before", "Не ушло до сбоя", threeMinutesAgo, threeMinutesAgo);
    const inFlight = await row("in-flight", "Отправляется", new Date(), new Date(Date.now() + 60_000));
    await ozon.resetCalls();

    const settled = await retryOutboxMessage(db.prisma, connection(), { accountId, chatId: chat.id, outboxId: delivered.id });
    expect(settled.outbox).toMatchObject({ state: "SENT", attempts: 1 });
    expect(settled.message?.sentBy?.id).toBe(agent.id);
    const resent = await retryOutboxMessage(db.prisma, connection(), { accountId, chatId: chat.id, outboxId: lost.id });
    expect(resent.outbox).toMatchObject({ state: "SENT", attempts: 2 });
    const waiting = await retryOutboxMessage(db.prisma, connection(), { accountId, chatId: chat.id, outboxId: inFlight.id });
    expect(waiting.outbox).toMatchObject({ state: "SENDING", attempts: 1 });

    expect((await ozon.calls()).by_path[SEND]).toBe(1);
    expect(await ozonTexts(chat.ozonChatId, "Ушло до сбоя")).toHaveLength(1);
    expect(await ozonTexts(chat.ozonChatId, "Не ушло до сбоя")).toHaveLength(1);
    expect(await ozonTexts(chat.ozonChatId, "Отправляется")).toHaveLength(0);
  });

  it("keeps a refused send in the outbox as FAILED with Ozon's reason in words", async () => {
    // An FBO chat: the seller may write only within 48 h of the buyer's last message.
    const state = await ozon.state();
    const fbo = state.postings.find((p) => p.delivery_schema === "FBO" && p.chat_id)!;
    const chat = await db.prisma.chat.findFirstOrThrow({ where: { accountId, ozonChatId: String(fbo.chat_id) } });
    await ozon.advanceClock({ hours: 24 * 8 });

    const refusal = await sendChatMessage(db.prisma, connection(), target(chat.id), { clientId: "late", text: "Добрый день!" }).catch(
      (error: unknown) => error,
    );
    const response = errorResponse(refusal);
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("window_closed");
    expect(body.error.message).toMatch(/reply period is over/);

    const row = await db.prisma.outboxMessage.findFirstOrThrow({ where: { clientId: "late" } });
    expect(row).toMatchObject({ state: "FAILED", attempts: 1 });
    expect(row.lastError).toBe(body.error.message);
    // The code and its values too: another tab, or a reload, words the reason in its own language.
    expect(row).toMatchObject({ lastErrorCode: "window_closed", lastErrorParams: { reason: "ozon_refused" } });
    expect(await ozonTexts(chat.ozonChatId, "Добрый день!")).toHaveLength(0);

    // A repeated POST answers the same outcome without sending.
    const replay = await sendChatMessage(db.prisma, connection(), target(chat.id), { clientId: "late", text: "Добрый день!" });
    expect(replay.outbox).toMatchObject({ state: "FAILED", lastError: body.error.message, lastErrorCode: "window_closed", attempts: 1 });

    // Ozon's refusal is stored on the chat for every tab: closed, and a new send is refused before Ozon or the outbox.
    const refused = await db.prisma.chat.findUniqueOrThrow({ where: { id: chat.id } });
    expect(toChatView(refused).replyState).toEqual({ canReply: false, until: null, reason: "ozon_refused" });
    const again = await sendChatMessage(db.prisma, connection(), target(chat.id), { clientId: "later", text: "Ещё раз" }).catch((error: unknown) => error);
    expect(errorResponse(again).status).toBe(409);
    expect(await db.prisma.outboxMessage.count({ where: { clientId: "later" } })).toBe(0);

    // The buyer writing again ends the refusal (the sync stores the message).
    await ozon.buyerMessage({ chat_id: chat.ozonChatId, text: "Вы здесь?" });
    await syncAccountNow(db.prisma, accountId, connection());
    const reopened = await db.prisma.chat.findUniqueOrThrow({ where: { id: chat.id } });
    expect(toChatView(reopened).replyState.canReply).toBe(true);
  });

  it("sends a file through the same outbox, and drops its bytes once Ozon has it", async () => {
    const chat = await writableChat();
    const outcome = await sendChatFile(db.prisma, connection(), target(chat.id), {
      clientId: "file-1",
      name: "label.png",
      base64Content: `data:image/png;base64,${PNG}`,
    });
    expect(outcome.outbox).toMatchObject({ kind: "FILE", state: "SENT", fileName: "label.png" });
    expect(outcome.message).toMatchObject({ isImage: true, sentBy: { id: agent.id } });
    expect(outcome.message?.text).toContain("[label.png](");
    const state = await ozon.state();
    const onOzon = state.chats.find((c) => c.chat_id === chat.ozonChatId)!.messages.filter((m) => m.data[0]!.includes("label.png"));
    expect(onOzon).toHaveLength(1);
    expect((await db.prisma.outboxMessage.findFirstOrThrow({ where: { clientId: "file-1" } })).fileContent).toBeNull();
  });

  it("refuses bad texts and files in words before anything is written", async () => {
    const chat = await writableChat();
    for (const text of ["", "   \n ", "я".repeat(1001)]) {
      await expect(sendChatMessage(db.prisma, connection(), target(chat.id), { clientId: `bad-${text.length}`, text })).rejects.toMatchObject({
        code: "message_text_invalid",
      });
    }
    await expect(
      sendChatFile(db.prisma, connection(), target(chat.id), { clientId: "bad-file", name: "virus.exe", base64Content: PNG }),
    ).rejects.toMatchObject({ code: "chat_file_invalid", params: { problem: "type" }, message: expect.stringMatching(/cannot be sent/) });
    expect(await db.prisma.outboxMessage.count()).toBe(0);
  });

  it("refuses a text that may break Ozon's rules with its reasons, and sends it once the agent confirmed", async () => {
    const chat = await writableChat();
    const text = "Напишите нам в WhatsApp +7 912 345-67-89";
    const refusal = await sendChatMessage(db.prisma, connection(), target(chat.id), { clientId: "flagged", text }).catch((error: unknown) => error);
    const response = errorResponse(refusal);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { code: string; message: string; flags: { code: string; match: string }[] } };
    expect(body.error.code).toBe("policy_flagged");
    expect(body.error.flags.map((flag) => flag.code).sort()).toEqual(["messenger", "phone"]);
    expect(body.error.message).toContain("a phone number (+7 912 345-67-89)");
    expect(await db.prisma.outboxMessage.count()).toBe(0);
    expect(await ozonTexts(chat.ozonChatId, text)).toHaveLength(0);

    const outcome = await sendChatMessage(db.prisma, connection(), target(chat.id), { clientId: "flagged", text, confirmed: true });
    expect(outcome.outbox.state).toBe("SENT");
    expect(await ozonTexts(chat.ozonChatId, text)).toHaveLength(1);
  });
});
