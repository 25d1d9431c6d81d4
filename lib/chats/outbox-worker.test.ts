import { beforeEach, expect, it } from "vitest";
import { createTestUser, type TestUser } from "@/lib/auth/testing";
import type { Chat } from "@/lib/db/generated/client";
import { forEachDatabase } from "@/lib/db/testing";
import { getChatHistory } from "@/lib/ozon";
import { storeMessages } from "@/lib/cache/store-messages";
import { withEmulator } from "@/lib/testing/with-emulator";
import type { OutboxSettings } from "./outbox-settings";
import { runOutboxPass } from "./run-outbox-pass";
import { sendChatMessage } from "./send-chat-message";
import { startOutboxWorker } from "./start-outbox-worker";
import { resetToCachedDemoAccount } from "./test-helpers";

const emulator = withEmulator({ rateLimit: 0 });
const SEND = "/v1/chat/send/message";
const settings: OutboxSettings = { leaseTtlMs: 2000, maxAttempts: 8, maxBackoffMs: 200, baseBackoffMs: 50, pollIntervalMs: 50 };

forEachDatabase("the outbox worker", (db) => {
  let accountId: string;
  let agent: TestUser;
  let chat: Chat;
  const ozon = emulator.control;

  beforeEach(async () => {
    accountId = await resetToCachedDemoAccount(db, emulator.connection());
    agent = await createTestUser(db, { accountIds: [accountId] });
    const state = await ozon.state();
    const posting = state.postings.find(
      (p) => p.delivery_schema !== "FBO" && ["awaiting_packaging", "awaiting_deliver"].includes(String(p.status)) && p.chat_id,
    )!;
    chat = await db.prisma.chat.findFirstOrThrow({ where: { accountId, ozonChatId: String(posting.chat_id) } });
  });

  async function atOzon(text: string) {
    const state = await ozon.state();
    return state.chats.find((c) => c.chat_id === chat.ozonChatId)!.messages.filter((m) => m.data.join("\n") === text);
  }

  async function until(condition: () => Promise<boolean>) {
    while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 25));
  }

  /** Rows a dead process left: SENDING with the chat's newest id kept, its lease run out. */
  async function stuckRows(texts: string[]) {
    const newest = await getChatHistory(emulator.connection(), { chatId: chat.ozonChatId, limit: 1 });
    const past = new Date(Date.now() - 60_000);
    return Promise.all(
      texts.map((text, i) =>
        db.prisma.outboxMessage.create({
          data: {
            accountId,
            chatId: chat.id,
            clientId: `stuck-${i}`,
            userId: agent.id,
            kind: "TEXT",
            text,
            state: "SENDING",
            attempts: 1,
            sentAfterMessageId: BigInt(newest.messages[0]!.messageId),
            leaseOwner: "dead-instance",
            leaseUntil: past,
          },
        }),
      ),
    );
  }

  it("settles a send Ozon applied without answering, with nobody pressing Retry", async () => {
    const text = "Заказ передан в доставку";
    await ozon.addFault({ path: SEND, mode: "timeout_after_apply", delay_ms: 1500, count: 1 });
    const answered = await sendChatMessage(db.prisma, emulator.connection({ timeoutMs: 400 }), { accountId, chatId: chat.id, userId: agent.id }, { clientId: "w-1", text });
    expect(answered.outbox.state).toBe("UNKNOWN");

    const worker = startOutboxWorker({ db: db.prisma, settings, getConnection: async () => emulator.connection(), owner: "worker-a", log: () => {} });
    try {
      await until(async () => (await db.prisma.outboxMessage.findFirstOrThrow({ where: { clientId: "w-1" } })).state === "SENT");
    } finally {
      await worker.stop();
    }
    expect(await atOzon(text)).toHaveLength(1);
    const cached = await db.prisma.message.findMany({ where: { chatId: chat.id, text } });
    expect(cached).toMatchObject([{ clientId: "w-1", sentByUserId: agent.id }]);
  });

  it("a message the sync stores before its row settles is attributed to the row's agent, and settles the row", async () => {
    const [row] = await stuckRows(["Уже у покупателя"]);
    await db.prisma.outboxMessage.update({ where: { id: row!.id }, data: { leaseUntil: new Date(Date.now() + 60_000) } });
    // The same words from Ozon's portal before the send must not be taken: only newer than the kept id.
    await emulator.ozon.call(SEND, { chat_id: chat.ozonChatId, text: "Уже у покупателя" });
    const history = await getChatHistory(emulator.connection(), { chatId: chat.ozonChatId, limit: 50 });
    await storeMessages(db.prisma, { id: chat.id }, history.messages);

    const settled = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row!.id } });
    const sent = (await atOzon("Уже у покупателя"))[0]!;
    expect(settled).toMatchObject({ state: "SENT", ozonMessageId: BigInt(sent.message_id), leaseOwner: null });
    expect(await db.prisma.message.findMany({ where: { chatId: chat.id, text: "Уже у покупателя" } })).toMatchObject([
      { clientId: row!.clientId, sentByUserId: agent.id },
    ]);
  });

  it("two instances' workers handle each stuck row once: found ones recorded, lost ones sent once", async () => {
    const texts = Array.from({ length: 8 }, (_, i) => `Ответ ${i + 1} после сбоя`);
    const rows = await stuckRows(texts);
    // Half reached Ozon before the crash.
    for (const text of texts.slice(0, 4)) await emulator.ozon.call(SEND, { chat_id: chat.ozonChatId, text });
    await ozon.resetCalls();

    // Small claims, so that both instances take rows while the other works.
    const drain = async (owner: string) => {
      let handled = 0;
      for (let n; (n = await runOutboxPass(db.prisma, { owner, settings, limit: 2, getConnection: async () => emulator.connection(), log: () => {} })) > 0; ) handled += n;
      return handled;
    };
    const [a, b] = await Promise.all([drain("instance-a"), drain("instance-b")]);
    expect(a + b).toBe(rows.length);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);

    for (const text of texts) expect(await atOzon(text), text).toHaveLength(1);
    expect((await ozon.calls()).by_path[SEND]).toBe(4);
    const after = await db.prisma.outboxMessage.findMany({ orderBy: { clientId: "asc" } });
    expect(after.map((row) => row.state)).toEqual(Array(8).fill("SENT"));
    expect(after.map((row) => row.attempts)).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
    expect(await db.prisma.message.count({ where: { chatId: chat.id, clientId: { not: null } } })).toBe(8);
  });
});
