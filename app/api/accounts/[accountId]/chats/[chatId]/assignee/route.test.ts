import { beforeEach, expect, it } from "vitest";
import { createTestUser, useTestDatabaseInRoutes, type TestUser } from "@/lib/auth/testing";
import { callRoute, jsonInit } from "@/lib/chats/test-helpers";
import { forEachDatabase } from "@/lib/db/testing";
import { createLiveTestChat } from "@/lib/live/test-helpers";
import { PUT } from "./route";

forEachDatabase("PUT /api/accounts/[accountId]/chats/[chatId]/assignee", (db) => {
  useTestDatabaseInRoutes(db);
  let accountId: string;
  let chatId: string;
  let anna: TestUser;
  let boris: TestUser;
  beforeEach(async () => {
    await db.reset();
    ({ accountId, chatId } = await createLiveTestChat(db.prisma));
    anna = await createTestUser(db, { accountIds: [accountId] });
    boris = await createTestUser(db, { accountIds: [accountId] });
  });
  const put = (user: TestUser | null, body: unknown) =>
    callRoute(PUT, user, `/api/accounts/${accountId}/chats/${chatId}/assignee`, { accountId, chatId }, { ...jsonInit(body), method: "PUT" });

  it("takes, then answers the ownership rule's 403, bad input's 400, no session's 401 and another account's 404", async () => {
    expect(await put(anna, { assigneeId: anna.id })).toMatchObject({ status: 200, body: { changed: true } });
    expect(await put(boris, { assigneeId: boris.id })).toMatchObject({ status: 403, body: { error: { code: "chat_owned_by_other" } } });
    expect(await put(boris, { assigneeId: 7 })).toMatchObject({ status: 400, body: { error: { code: "invalid_input" } } });
    expect((await put(null, { assigneeId: null })).status).toBe(401);
    const outsider = await createTestUser(db);
    expect((await put(outsider, { assigneeId: outsider.id })).status).toBe(404);
    expect((await db.prisma.chat.findUniqueOrThrow({ where: { id: chatId } })).assigneeId).toBe(anna.id);
  });
});
