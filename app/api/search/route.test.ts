import { beforeEach, expect, it } from "vitest";
import { createTestUser, requestAs, useTestDatabaseInRoutes } from "@/lib/auth/testing";
import { forEachDatabase } from "@/lib/db/testing";
import type { SearchChatsResponse } from "@/lib/search/search-chats";
import { GET } from "./route";

forEachDatabase("GET /api/search", (db) => {
  useTestDatabaseInRoutes(db);
  beforeEach(() => db.reset());

  async function chatWith(name: string, text: string) {
    const account = await db.prisma.sellerAccount.create({ data: { name, clientId: name, apiKeyCiphertext: new Uint8Array([1]), apiKeyLast4: "abcd" } });
    const chat = await db.prisma.chat.create({
      data: { accountId: account.id, ozonChatId: `c-${name}`, type: "buyer_seller", isBuyerChat: true, createdAt: new Date() },
    });
    await db.prisma.message.create({ data: { chatId: chat.id, ozonMessageId: 1n, authorType: "customer", authorId: "b", text, createdAt: new Date() } });
    return { accountId: account.id, chatId: chat.id };
  }

  it("answers the agent's chats only, 401 without a session, 400 for an empty query", async () => {
    const own = await chatWith("mine", "Хочу оформить возврат");
    await chatWith("theirs", "Где возврат?");
    const agent = await createTestUser(db, { accountIds: [own.accountId] });
    const answer = await GET(await requestAs(agent, `/api/search?q=${encodeURIComponent("возврата")}`));
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as SearchChatsResponse).results.map((r) => r.chat.id)).toEqual([own.chatId]);
    expect((await GET(new Request("http://localhost/api/search?q=x"))).status).toBe(401);
    const empty = await GET(await requestAs(agent, "/api/search?q=%20"));
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { code: string } }).error.code).toBe("invalid_input");
  });

  it("filters by owner from the query string: me and unassigned", async () => {
    const own = await chatWith("mine", "Хочу оформить возврат");
    const agent = await createTestUser(db, { accountIds: [own.accountId] });
    const pooled = await db.prisma.chat.create({ data: { accountId: own.accountId, ozonChatId: "c-pool", type: "buyer_seller", isBuyerChat: true, createdAt: new Date() } });
    await db.prisma.message.create({ data: { chatId: pooled.id, ozonMessageId: 2n, authorType: "customer", authorId: "b", text: "Возврат?", createdAt: new Date() } });
    await db.prisma.chat.update({ where: { id: own.chatId }, data: { assigneeId: agent.id } });
    const found = async (owner: string) =>
      ((await (await GET(await requestAs(agent, `/api/search?q=${encodeURIComponent("возврат")}&owner=${owner}`))).json()) as SearchChatsResponse).results.map((r) => r.chat.id);
    expect(await found("me")).toEqual([own.chatId]);
    expect(await found("unassigned")).toEqual([pooled.id]);
    expect(new Set(await found(""))).toEqual(new Set([own.chatId, pooled.id]));
  });
});
