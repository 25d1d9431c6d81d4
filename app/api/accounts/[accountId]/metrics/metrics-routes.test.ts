/** Metrics routes: rights (agents see only their own figures, never another agent's nor Ozon's), CSV, bad input. */
import { beforeAll, expect, it } from "vitest";
import { createTestUser, requestAs, useTestDatabaseInRoutes, type TestUser } from "@/lib/auth/testing";
import { sendChatMessage } from "@/lib/chats/send-chat-message";
import { cacheFromOzon, callRoute, createEmulatorAccount } from "@/lib/chats/test-helpers";
import { forEachDatabase } from "@/lib/db/testing";
import type { MetricsReport } from "@/lib/metrics/get-metrics-report";
import { withEmulator } from "@/lib/testing/with-emulator";
import { GET as getCsv } from "./csv/route";
import { GET as getOzon } from "./ozon/route";
import { GET as getMetrics } from "./route";

const emulator = withEmulator({ rateLimit: 0, asOzonApiUrl: true, resetBeforeEach: false });

forEachDatabase("metrics routes", (db) => {
  useTestDatabaseInRoutes(db);
  let accountId: string;
  let admin: TestUser;
  let anna: TestUser;
  let boris: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    await emulator.control.reset();
    await db.reset();
    accountId = await createEmulatorAccount(db.prisma);
    admin = await createTestUser(db, { role: "ADMIN", name: "Админ" });
    anna = await createTestUser(db, { accountIds: [accountId], name: "Анна" });
    boris = await createTestUser(db, { accountIds: [accountId], name: "Борис" });
    outsider = await createTestUser(db, { name: "Чужой" });
    const lone = (await emulator.control.state()).postings.filter((p) => p.chat_id === null).map((p) => p.posting_number);
    const a = await emulator.control.buyerMessage({ posting_number: lone[0]!, text: "Вопрос 1" });
    const b = await emulator.control.buyerMessage({ posting_number: lone[1]!, text: "Вопрос 2" });
    const conn = emulator.connection();
    await cacheFromOzon(db.prisma, conn, accountId, { messages: true });
    const chatOf = async (ozonChatId: string) => (await db.prisma.chat.findFirstOrThrow({ where: { accountId, ozonChatId } })).id;
    await sendChatMessage(db.prisma, conn, { accountId, chatId: await chatOf(a.chat_id), userId: anna.id }, { clientId: "a", text: "Ответ Анны" });
    await sendChatMessage(db.prisma, conn, { accountId, chatId: await chatOf(b.chat_id), userId: boris.id }, { clientId: "b", text: "Ответ Бориса" });
    await cacheFromOzon(db.prisma, conn, accountId, { messages: true });
  });

  const params = () => ({ accountId });

  it("answers 401 without a session and 404 to a user without the account", async () => {
    for (const user of [null, outsider]) {
      const expected = user ? 404 : 401;
      expect((await callRoute(getMetrics, user, "/x", params())).status).toBe(expected);
      expect((await callRoute(getOzon, user, "/x", params())).status).toBe(expected);
      const csv = await getCsv(user ? await requestAs(user, "/x") : new Request("http://localhost/x"), { params: Promise.resolve(params()) });
      expect(csv.status).toBe(expected);
    }
  });

  // The routes count up to the server's now: the seeded shop's replies (none sent by an agent) are in the range too.
  it("an administrator sees the team, every agent, the seller portal, and Ozon's ratings", async () => {
    const r = await callRoute<MetricsReport>(getMetrics, admin, "/x?range=7d", params());
    expect(r.status).toBe(200);
    expect(r.body.scope).toBe("team");
    const names = r.body.metrics.agents.map((x) => x.agentName);
    expect(names).toEqual(["Анна", "Борис", null]);
    expect(r.body.metrics.agents[0]).toMatchObject({ agentId: anna.id, answered: 1, messagesSent: 1, chatsHandled: 1 });
    expect(r.body.metrics.team.messagesSent).toBe(r.body.metrics.agents.reduce((n, x) => n + x.messagesSent, 0));
    expect(r.body.ozonWindow!.turns).toBeGreaterThanOrEqual(r.body.metrics.team.turns);
    const ozon = await callRoute<{ ratings: { rating: string; currentValue: number }[] }>(getOzon, admin, "/x", params());
    expect(ozon.status).toBe(200);
    expect(ozon.body.ratings.map((x) => x.rating)).toEqual(["rating_reaction_time", "rating_average_response_time", "rating_replied_dialogs_ratio"]);
    expect(Math.abs(ozon.body.ratings[1]!.currentValue - r.body.ozonWindow!.avgResponseSeconds!)).toBeLessThan(1);
  });

  it("an agent sees only their own figures, never another agent's, nor Ozon's", async () => {
    const r = await callRoute<MetricsReport>(getMetrics, anna, "/x?range=30d", params());
    expect(r.status).toBe(200);
    expect(r.body.scope).toBe("agent");
    expect(r.body.metrics.agents.map((x) => x.agentId)).toEqual([anna.id]);
    expect(r.body.metrics.team).toMatchObject({ turns: 1, answered: 1, messagesSent: 1, buyerMessages: null });
    expect(r.body.ozonWindow).toBeNull();
    expect(r.text).not.toContain("Борис");
    expect(r.text).not.toContain(boris.id);
    expect((await callRoute(getOzon, anna, "/x", params())).status).toBe(403);
  });

  it("exports the table as CSV in the user's language; an agent's has their row only", async () => {
    const adminCsv = await getCsv(await requestAs(admin, "/x?range=30d", { headers: { "accept-language": "ru" } }), { params: Promise.resolve(params()) });
    expect(adminCsv.status).toBe(200);
    expect(adminCsv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(adminCsv.headers.get("content-disposition")).toMatch(/^attachment; filename="metrics-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await adminCsv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("Агент,Ответов на ожидания,Первый ответ (с),Среднее время ответа (с),Медиана (с),Ответ за 24 ч (%),Обработано чатов,Отправлено сообщений");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["Анна", "Борис", "Кабинет продавца Ozon (без агента)"]);
    expect(lines.find((l) => l.startsWith("Анна"))!.split(",").slice(1, 2)).toEqual(["1"]);

    const agentCsv = await getCsv(await requestAs(boris, "/x?range=30d", { headers: { "accept-language": "en" } }), { params: Promise.resolve(params()) });
    const agentLines = (await agentCsv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(agentLines[0]!.startsWith("Agent,Waits answered")).toBe(true);
    expect(agentLines.slice(1).map((l) => l.split(",")[0])).toEqual(["Борис"]);
  });

  it("refuses a bad range with a 400 in words", async () => {
    for (const q of ["range=week", "range=custom&from=2026-01-01", "range=custom&from=2026-02-01&to=2026-01-01", "range=custom&from=2026-01-01&to=2026-12-01"]) {
      const r = await callRoute<{ error: { code: string; message: string } }>(getMetrics, admin, `/x?${q}`, params());
      expect([q, r.status, r.body.error.code]).toEqual([q, 400, "invalid_input"]);
    }
    const custom = await callRoute<MetricsReport>(getMetrics, admin, "/x?range=custom&from=2026-01-01&to=2026-01-31", params());
    expect(custom.status).toBe(200);
    expect(custom.body.range).toMatchObject({ kind: "custom", from: "2025-12-31T21:00:00.000Z", to: "2026-01-31T21:00:00.000Z", timeZone: "Europe/Moscow" });
  });
});
