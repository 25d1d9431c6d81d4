import { beforeEach, expect, it } from "vitest";
import { createTestUser, useTestDatabaseInRoutes, type TestUser } from "@/lib/auth/testing";
import { callRoute, createEmulatorAccount } from "@/lib/chats/test-helpers";
import { forEachDatabase } from "@/lib/db/testing";
import { getEnv } from "@/lib/env";
import { withEmulator } from "@/lib/testing/with-emulator";
import { GET as listPostings } from "./route";
import { GET as getPosting } from "./[postingNumber]/route";
import { POST as startChat } from "./[postingNumber]/chat/route";

type ErrorBody = { error: { code: string; message: string } };

const emulator = withEmulator({ rateLimit: 0, asOzonApiUrl: true });

forEachDatabase("posting routes", (db) => {
  useTestDatabaseInRoutes(db);
  let accountId: string;
  let agent: TestUser;
  let outsider: TestUser;
  const ozon = emulator.control;

  beforeEach(async () => {
    await db.reset();
    accountId = await createEmulatorAccount(db.prisma);
    agent = await createTestUser(db, { accountIds: [accountId] });
    outsider = await createTestUser(db);
  });

  async function postingWithoutChat(fbo: boolean): Promise<string> {
    const state = await ozon.state();
    const candidates = state.postings.filter((p) => !p.chat_id && (p.delivery_schema === "FBO") === fbo);
    for (const p of candidates) {
      const number = String(p.posting_number);
      if (fbo) return number;
      const answer = await callRoute<{ posting: { canCreateChat: boolean } }>(getPosting, agent, "/x", { accountId, postingNumber: number });
      if (answer.body.posting.canCreateChat) return number;
    }
    throw new Error("no such posting in the seed");
  }

  it("reaches the emulator, not Ozon", () => {
    expect(getEnv().OZON_API_URL).toBe(emulator.url);
  });

  it("answers 401 without a session and 404 to a user without the account, on every route", async () => {
    const p = { accountId, postingNumber: "0025174183-3178-1" };
    for (const user of [null, outsider]) {
      const expected = user ? 404 : 401;
      expect((await callRoute(listPostings, user, "/x", { accountId })).status).toBe(expected);
      expect((await callRoute(getPosting, user, "/x", p)).status).toBe(expected);
      expect((await callRoute(startChat, user, "/x", p, { method: "POST" })).status).toBe(expected);
    }
    expect((await ozon.calls()).by_path["/v1/chat/start"] ?? 0).toBe(0);
  });

  it("starts a chat from an FBS posting (again: the same chat), refuses FBO in words", async () => {
    const postingNumber = await postingWithoutChat(false);
    const p = { accountId, postingNumber };
    const first = await callRoute<{ chatId: string; created: boolean }>(startChat, agent, "/x", p, { method: "POST" });
    expect(first.status).toBe(200);
    expect(first.body.created).toBe(true);
    expect((await db.prisma.chat.findUniqueOrThrow({ where: { id: first.body.chatId } })).postingNumber).toBe(postingNumber);
    const second = await callRoute<{ chatId: string; created: boolean }>(startChat, agent, "/x", p, { method: "POST" });
    expect(second.body).toMatchObject({ chatId: first.body.chatId, created: false });

    const shown = await callRoute<{ posting: { chatId: string } }>(getPosting, agent, "/x", p);
    expect(shown.body.posting.chatId).toBe(first.body.chatId);

    const fbo = await callRoute<ErrorBody>(startChat, agent, "/x", { accountId, postingNumber: await postingWithoutChat(true) }, { method: "POST" });
    expect(fbo.status).toBe(409);
    expect(fbo.body.error).toEqual({ code: "window_closed", reason: "buyer_must_start", message: expect.stringMatching(/Only the buyer can start a chat/) });
  });

  it("shows one posting; an unknown one is 404 and a malformed number 400, in words", async () => {
    const postingNumber = await postingWithoutChat(true);
    const ok = await callRoute<{ posting: Record<string, unknown> }>(getPosting, agent, "/x", { accountId, postingNumber });
    expect(ok.status).toBe(200);
    expect(ok.body.posting).toMatchObject({ postingNumber, scheme: "FBO", canCreateChat: false, chatId: null });
    expect(ok.body.posting).toHaveProperty("products");
    expect(ok.body.posting).toHaveProperty("dates");

    const unknown = await callRoute<ErrorBody>(getPosting, agent, "/x", { accountId, postingNumber: "0000000001-0001-1" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/could not find this posting/);
    const malformed = await callRoute<ErrorBody>(getPosting, agent, "/x", { accountId, postingNumber: "posting number!" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/not a posting number/);
  });

  it("lists recent postings newest first, with a posting number search and a bounded limit", async () => {
    const all = await callRoute<{ postings: { postingNumber: string }[] }>(listPostings, agent, "/x?limit=100", { accountId });
    expect(all.status).toBe(200);
    expect(all.body.postings.length).toBeGreaterThan(20);
    const wanted = all.body.postings[5]!.postingNumber;
    const found = await callRoute<{ postings: { postingNumber: string }[] }>(
      listPostings,
      agent,
      `/x?search=${encodeURIComponent(wanted.slice(0, 13))}`,
      { accountId },
    );
    expect(found.body.postings.map((p) => p.postingNumber)).toContain(wanted);
    expect(found.body.postings.every((p) => p.postingNumber.startsWith(wanted.slice(0, 13)))).toBe(true);
    for (const query of ["limit=0", "limit=101", `search=${"1".repeat(65)}`]) {
      expect((await callRoute(listPostings, agent, `/x?${query}`, { accountId })).status, query).toBe(400);
    }
  });
});
