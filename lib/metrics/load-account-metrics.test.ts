/**
 * The metrics from a scripted history on the emulator's clock: buyers write at known times, two agents answer
 * through the app's send path, one chat is answered in Ozon's seller portal, one after 24 h, one never. Every figure
 * is computed by hand from the times the emulator recorded, per agent, for the portal and for the team; and the
 * emulator's own ratings (Ozon's side) agree with ours for the same 30 days.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, type TestUser } from "@/lib/auth/testing";
import { cacheFromOzon, createEmulatorAccount } from "@/lib/chats/test-helpers";
import { sendChatMessage } from "@/lib/chats/send-chat-message";
import { forEachDatabase } from "@/lib/db/testing";
import { getRatingSummary, ratingItemsByCode } from "@/lib/ozon";
import { withEmulator } from "@/lib/testing/with-emulator";

import { loadAccountMetrics } from "./load-account-metrics";
import { resolveMetricsRange, zonedDay } from "./resolve-metrics-range";

const emulator = withEmulator({ rateLimit: 0, resetBeforeEach: false });
const ctl = emulator.control;
const S = 1000;
const avg = (...xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

forEachDatabase("metrics from a scripted history", (db) => {
  let accountId: string;
  let agent1: TestUser;
  let agent2: TestUser;
  let now: Date;
  /** Response times in seconds, from the emulator's own message times. */
  const r = { p1: 0, p2: 0, q1: 0, r1: 0 };
  const chats = { p: "", q: "", r: "", s: "" };
  let ozonSide: Map<string, { currentValue: number }>;
  let buyerTimes: number[] = [];
  let sellerTimes: number[] = [];

  beforeAll(async () => {
    await ctl.reset();
    await db.reset();
    // Past every seeded message: the 30 days hold only what this script does.
    await ctl.advanceClock({ hours: 24 * 120 });
    accountId = await createEmulatorAccount(db.prisma);
    agent1 = await createTestUser(db, { accountIds: [accountId], name: "Анна" });
    agent2 = await createTestUser(db, { accountIds: [accountId], name: "Борис" });
    const lone = (await ctl.state()).postings.filter((p) => p.chat_id === null).map((p) => p.posting_number);
    const conn = emulator.connection();
    const cached = async () => {
      await cacheFromOzon(db.prisma, conn, accountId, { messages: true });
      const rows = await db.prisma.chat.findMany({ where: { accountId }, select: { id: true, ozonChatId: true } });
      return new Map(rows.map((c) => [c.ozonChatId, c.id]));
    };
    let n = 0;
    const send = async (user: TestUser, ozonChatId: string) => {
      const ids = await cached();
      const outcome = await sendChatMessage(db.prisma, conn, { accountId, chatId: ids.get(ozonChatId)!, userId: user.id }, {
        clientId: `c-${++n}`,
        text: `Ответ ${n}`,
      });
      expect(outcome.outbox.state).toBe("SENT");
    };

    // t = 0: buyers write in P, R and S (new chats about postings that had none)
    chats.p = (await ctl.buyerMessage({ posting_number: lone[0]!, text: "P: вопрос" })).chat_id;
    chats.r = (await ctl.buyerMessage({ posting_number: lone[1]!, text: "R: вопрос" })).chat_id;
    chats.s = (await ctl.buyerMessage({ posting_number: lone[2]!, text: "S: вопрос" })).chat_id;
    await ctl.advanceClock({ minutes: 10 });
    await send(agent1, chats.p); // P's first turn, by agent 1
    await ctl.advanceClock({ minutes: 50 });
    await ctl.buyerMessage({ chat_id: chats.p, text: "P: ещё вопрос" });
    await ctl.advanceClock({ minutes: 20 });
    await send(agent2, chats.p); // P's second turn, by agent 2
    chats.q = (await ctl.buyerMessage({ posting_number: lone[3]!, text: "Q: вопрос" })).chat_id;
    await ctl.advanceClock({ hours: 2 });
    await ctl.sellerMessage({ chat_id: chats.q, text: "Q: ответ из кабинета Ozon" }); // Q: the seller portal
    await ctl.advanceClock({ hours: 26, minutes: 40 });
    await send(agent1, chats.r); // R: 30 h after the question
    await ctl.advanceClock({ hours: 20 }); // S: unanswered for 50 h, its window closed
    await cached();

    const state = await ctl.state();
    now = new Date(state.now);
    const times = (id: string) => state.chats.find((c) => c.chat_id === id)!.messages.map((m) => Date.parse(m.created_at));
    const [p1, pa1, p2, pa2] = times(chats.p);
    const [q1, qa1] = times(chats.q);
    const [r1, ra1] = times(chats.r);
    const [s1] = times(chats.s);
    r.p1 = (pa1! - p1!) / S;
    r.p2 = (pa2! - p2!) / S;
    r.q1 = (qa1! - q1!) / S;
    r.r1 = (ra1! - r1!) / S;
    buyerTimes = [p1!, p2!, q1!, r1!, s1!];
    sellerTimes = [pa1!, pa2!, qa1!, ra1!];
    ozonSide = ratingItemsByCode(await getRatingSummary(conn));
  });

  const last30 = () => resolveMetricsRange({ range: "30d" }, now);
  const load = (agentId?: string) => loadAccountMetrics(db.prisma, { accountId, range: last30(), now, agentId: agentId ?? null });

  it("the script's times are what it meant", () => {
    expect(r.p1).toBeGreaterThanOrEqual(600);
    expect(r.p1).toBeLessThan(660);
    expect(r.r1).toBeGreaterThan(24 * 3600);
  });

  it("team figures", async () => {
    const m = await load();
    expect(m.team).toMatchObject({
      turns: 5, // P twice, Q, R, S
      answered: 4,
      firstTurns: 4,
      firstAnswered: 3,
      dialogs: 4, // P, Q, R and S (unanswered for more than 24 h)
      dialogsWithin24h: 2, // P and Q
      windowsClosedUnanswered: 1, // S
      messagesSent: 4,
      chatsHandled: 3,
      buyerMessages: 5,
    });
    expect(m.team.firstResponseSeconds).toBeCloseTo(avg(r.p1, r.q1, r.r1), 6);
    expect(m.team.avgResponseSeconds).toBeCloseTo(avg(r.p1, r.p2, r.q1, r.r1), 6);
    // sorted: p1 (10 min), p2 (20 min), q1 (2 h), r1 (30 h): the middle two
    expect(m.team.medianResponseSeconds).toBeCloseTo(avg(r.p2, r.q1), 6);
    expect(m.team.repliedWithin24hPercent).toBe(50);
  });

  it("per agent, and the seller portal's replies for the team but no agent", async () => {
    const m = await load();
    const byId = new Map(m.agents.map((a) => [a.agentId, a]));
    expect(m.agents).toHaveLength(3);
    expect(byId.get(agent1.id)).toMatchObject({
      agentName: "Анна",
      answered: 2,
      firstAnswered: 2,
      dialogs: 2,
      dialogsWithin24h: 1,
      repliedWithin24hPercent: 50,
      messagesSent: 2,
      chatsHandled: 2,
    });
    expect(byId.get(agent1.id)!.firstResponseSeconds).toBeCloseTo(avg(r.p1, r.r1), 6);
    expect(byId.get(agent1.id)!.avgResponseSeconds).toBeCloseTo(avg(r.p1, r.r1), 6);
    expect(byId.get(agent1.id)!.medianResponseSeconds).toBeCloseTo(avg(r.p1, r.r1), 6);
    expect(byId.get(agent2.id)).toMatchObject({
      agentName: "Борис",
      answered: 1,
      firstAnswered: 0,
      firstResponseSeconds: null,
      dialogs: 0,
      repliedWithin24hPercent: null,
      messagesSent: 1,
      chatsHandled: 1,
    });
    expect(byId.get(agent2.id)!.avgResponseSeconds).toBeCloseTo(r.p2, 6);
    expect(byId.get(agent2.id)!.medianResponseSeconds).toBeCloseTo(r.p2, 6);
    expect(byId.get(null)).toMatchObject({ agentName: null, answered: 1, firstAnswered: 1, dialogs: 1, dialogsWithin24h: 1, messagesSent: 1 });
    expect(byId.get(null)!.avgResponseSeconds).toBeCloseTo(r.q1, 6);
  });

  it("an agent's own figures only", async () => {
    const m = await load(agent2.id);
    expect(m.agents.map((a) => a.agentId)).toEqual([agent2.id]);
    expect(m.team).toMatchObject({ turns: 1, answered: 1, messagesSent: 1, chatsHandled: 1, buyerMessages: null, windowsClosedUnanswered: null });
    expect(m.team.avgResponseSeconds).toBeCloseTo(r.p2, 6);
    expect(m.byDay.reduce((n, d) => n + d.buyerMessages, 0)).toBe(0);
  });

  it("by day and by hour of week, in Moscow time", async () => {
    const m = await load();
    const expectedDays = new Map<string, { buyer: number; sent: number }>();
    for (const t of buyerTimes) {
      const d = zonedDay(new Date(t), "Europe/Moscow");
      expectedDays.set(d, { buyer: (expectedDays.get(d)?.buyer ?? 0) + 1, sent: expectedDays.get(d)?.sent ?? 0 });
    }
    for (const t of sellerTimes) {
      const d = zonedDay(new Date(t), "Europe/Moscow");
      expectedDays.set(d, { buyer: expectedDays.get(d)?.buyer ?? 0, sent: (expectedDays.get(d)?.sent ?? 0) + 1 });
    }
    expect(new Map(m.byDay.map((d) => [d.day, { buyer: d.buyerMessages, sent: d.messagesSent }]))).toEqual(expectedDays);
    expect(m.byDay.reduce((n, d) => n + d.turns, 0)).toBe(5);
    const moscowHour = (t: number) => new Date(t + 3 * 3600 * S).getUTCHours();
    const first = m.byHourOfWeek.find((h) => h.hour === moscowHour(buyerTimes[0]!));
    expect(first?.buyerMessages).toBeGreaterThanOrEqual(3); // P, R and S at t = 0
    expect(m.byHourOfWeek.reduce((n, h) => n + h.buyerMessages, 0)).toBe(5);
  });

  it("a turn already open when the range starts belongs to the range before", async () => {
    const from = new Date(buyerTimes[0]! + 5 * 60 * S);
    const m = await loadAccountMetrics(db.prisma, { accountId, range: { kind: "custom", from, to: now, timeZone: "Europe/Moscow" }, now });
    // P's second turn and Q's; P's, R's and S's first turns began before the range
    expect(m.team).toMatchObject({ turns: 2, answered: 2, firstTurns: 1, messagesSent: 4 });
  });

  describe("beside Ozon's own figures for the same 30 days", () => {
    it("agree when the cache holds everything", async () => {
      const m = await load();
      expect(ozonSide.get("rating_reaction_time")!.currentValue).toBeCloseTo(m.team.firstResponseSeconds!, 3);
      expect(ozonSide.get("rating_average_response_time")!.currentValue).toBeCloseTo(m.team.avgResponseSeconds!, 3);
      expect(ozonSide.get("rating_replied_dialogs_ratio")!.currentValue).toBeCloseTo(m.team.repliedWithin24hPercent!, 6);
    });
  });
});
