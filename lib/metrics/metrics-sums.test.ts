/**
 * The kept sums (metric_hours, metric_day_responses, kept by refreshChatTurns) give the figures the range's turns and
 * messages give (ACCOUNT_METRICS_SQL), on random histories: several agents, Ozon's seller portal, senders known only
 * from the outbox, buyer chats and a support chat; for ranges ending now that start on and off the hour, for the
 * team and each agent; and again after more messages and late senders changed chats already counted.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestUser, type TestUser } from "@/lib/auth/testing";
import { storeChatSummaries } from "@/lib/cache/store-chat-summaries";
import { storeMessages } from "@/lib/cache/store-messages";
import { closeOtherSessions, createTestAccount, message, summary } from "@/lib/cache/test-helpers";
import { forEachDatabase } from "@/lib/db/testing";
import type { OzonChatMessage } from "@/lib/ozon";

import { loadAccountMetrics, type AccountMetrics } from "./load-account-metrics";
import { resolveMetricsRange, type MetricsRange } from "./resolve-metrics-range";

const MIN = 60_000;
const NOW = new Date("2026-11-30T14:37:21.123Z");

/** A small deterministic generator (the same history on both databases and every run). */
function random(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

/** Floats to 6 decimals, so the two statements' sums in a different order compare equal. */
function rounded(m: AccountMetrics): unknown {
  return JSON.parse(JSON.stringify(m, (_, v: unknown) => (typeof v === "number" && !Number.isInteger(v) ? Math.round(v * 1e6) / 1e6 : v)));
}

forEachDatabase("metrics from the kept sums", (db) => {
  let accountId: string;
  let agents: TestUser[];
  const rnd = random(17);
  let nextId = 1000;
  const chats: { id: string; at: number }[] = [];

  afterAll(() => closeOtherSessions(db));

  /** Messages after `at` in a chat: buyers and sellers at random, 1 min to 30 h apart; a sender for some replies. */
  async function write(chat: { id: string; at: number }, count: number) {
    const batch: OzonChatMessage[] = [];
    const senders = new Map<string, string>();
    for (let i = 0; i < count; i++) {
      chat.at += Math.floor(MIN + rnd() * 30 * 60 * MIN);
      if (chat.at >= NOW.getTime() - MIN) break;
      const id = String(nextId++);
      const seller = rnd() < 0.45;
      batch.push(
        message(id, {
          createdAt: new Date(chat.at).toISOString(),
          ...(seller ? { user: { id: "seller", type: "seller", rawType: "Seller" } } : {}),
        }),
      );
      const who = rnd();
      if (seller && who < 0.6) senders.set(id, agents[Math.floor(who * 5) % agents.length]!.id);
      else if (seller && who < 0.8) {
        // Sent from the inbox, known only from its outbox row.
        await db.prisma.outboxMessage.create({
          data: { chatId: chat.id, accountId, userId: agents[0]!.id, clientId: `c-${id}`, kind: "TEXT", text: "x", state: "SENT", ozonMessageId: BigInt(id) },
        });
      }
    }
    await storeMessages(db.prisma, { id: chat.id }, batch, { sentByUserIdFor: (id) => senders.get(id) });
  }

  beforeAll(async () => {
    await db.reset();
    accountId = await createTestAccount(db.prisma);
    agents = [];
    for (const name of ["Анна", "Борис", "Вера"]) agents.push(await createTestUser(db, { accountIds: [accountId], name }));
    const ozonIds = Array.from({ length: 30 }, (_, i) => `chat-${i}`);
    const { chatIds } = await storeChatSummaries(db.prisma, accountId, [
      ...ozonIds.map((id) => summary(id)),
      summary("support", { chatType: "SELLER_SUPPORT", isBuyerChat: false }),
    ]);
    for (const [i, ozonId] of ozonIds.entries()) {
      const chat = { id: chatIds.get(ozonId)!, at: NOW.getTime() - Math.floor((2 + rnd() * 40) * 24 * 60 * MIN) - i };
      chats.push(chat);
      await write(chat, 3 + Math.floor(rnd() * 14));
    }
    await write({ id: chatIds.get("support")!, at: NOW.getTime() - 5 * 24 * 60 * MIN }, 6);
  });

  const ranges = (): MetricsRange[] => [
    resolveMetricsRange({ range: "30d" }, NOW),
    resolveMetricsRange({ range: "7d" }, NOW),
    resolveMetricsRange({ range: "today" }, NOW),
    { kind: "custom", from: new Date(NOW.getTime() - 36 * 60 * MIN - 17 * MIN), to: NOW, timeZone: "Europe/Moscow" },
    { kind: "custom", from: new Date("2026-11-20T09:00:00.000Z"), to: NOW, timeZone: "Europe/Moscow" },
    { kind: "custom", from: new Date(NOW.getTime() - 50 * MIN), to: NOW, timeZone: "Europe/Moscow" },
  ];

  async function expectSame() {
    for (const range of ranges()) {
      for (const agentId of [null, ...agents.map((a) => a.id)]) {
        const input = { accountId, range, now: NOW, agentId };
        const sums = await loadAccountMetrics(db.prisma, { ...input, via: "sums" });
        const rows = await loadAccountMetrics(db.prisma, { ...input, via: "rows" });
        expect({ range: range.from, agentId, m: rounded(sums) }).toEqual({ range: range.from, agentId, m: rounded(rows) });
      }
    }
  }

  it("the history is what the comparison needs", async () => {
    const m = await loadAccountMetrics(db.prisma, { accountId, range: ranges()[0]!, now: NOW, via: "rows" });
    expect(m.team.turns).toBeGreaterThan(40);
    expect(m.team.answered).toBeLessThan(m.team.turns);
    expect(m.team.dialogs).toBeGreaterThan(10);
    expect(m.agents.length).toBe(4); // three agents and the portal
  });

  it("agree for every range and scope", async () => {
    await expectSame();
  });

  it("agree again after more messages and senders learnt late changed chats already counted", async () => {
    for (const chat of chats.slice(0, 12)) await write(chat, 4);
    const late = await db.prisma.message.findMany({ where: { authorType: "seller", sentByUserId: null }, take: 5, select: { chatId: true, ozonMessageId: true, createdAt: true } });
    for (const m of late) {
      await storeMessages(
        db.prisma,
        { id: m.chatId },
        [message(m.ozonMessageId.toString(), { createdAt: m.createdAt.toISOString(), user: { id: "seller", type: "seller", rawType: "Seller" } })],
        { sentByUserId: agents[2]!.id },
      );
    }
    await expectSame();
  });
});
