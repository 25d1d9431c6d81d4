import { beforeEach, expect, it } from "vitest";
import { ZodError } from "zod";
import { forEachDatabase } from "@/lib/db/testing";
import { AppError } from "@/lib/errors/app-error";
import { listCachedChats, listCachedChatsResponseSchema, type ListCachedChatsRequest } from "./list-cached-chats";

forEachDatabase("the cached chat list", (db) => {
  let accountId: string;
  // [ozon id, minutes ago of the last message (null: none), unread, status, buyer chat]
  const CHATS: [string, number | null, number, "OPENED" | "CLOSED", boolean][] = [
    ["c-old", 600, 0, "CLOSED", true],
    ["c-new", 1, 3, "OPENED", true],
    ["c-tie-b", 30, 1, "OPENED", true],
    ["c-tie-a", 30, 0, "OPENED", false],
    ["c-mid", 90, 2, "OPENED", false],
    ["c-none-1", null, 0, "OPENED", true],
    ["c-none-2", null, 1, "CLOSED", true],
    ["c-none-3", null, 0, "OPENED", false],
  ];
  const now = Date.parse("2026-11-25T09:00:00.000Z");

  beforeEach(async () => {
    await db.reset();
    const account = await db.prisma.sellerAccount.create({
      data: { name: "Shop", clientId: "c1", apiKeyCiphertext: new Uint8Array([1]), apiKeyLast4: "abcd" },
    });
    accountId = account.id;
    const other = await db.prisma.sellerAccount.create({
      data: { name: "Other", clientId: "c2", apiKeyCiphertext: new Uint8Array([1]), apiKeyLast4: "abcd" },
    });
    await db.prisma.chat.create({
      data: { accountId: other.id, ozonChatId: "foreign", type: "buyer_seller", isBuyerChat: true, createdAt: new Date(now), unreadCount: 9, lastMessageAt: new Date(now) },
    });
    for (const [ozonChatId, minutesAgo, unreadCount, status, isBuyerChat] of CHATS) {
      await db.prisma.chat.create({
        data: {
          id: `id-${ozonChatId}`,
          accountId,
          ozonChatId,
          type: isBuyerChat ? "buyer_seller" : "seller_support",
          isBuyerChat,
          status,
          unreadCount,
          createdAt: new Date(now - 86_400_000),
          lastMessageAt: minutesAgo === null ? null : new Date(now - minutesAgo * 60_000),
          lastMessagePreview: minutesAgo === null ? null : `preview of ${ozonChatId}`,
          lastMessageAuthor: minutesAgo === null ? null : "customer",
        },
      });
    }
  });

  async function everyPage(request: ListCachedChatsRequest) {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const result = await listCachedChats(db.prisma, accountId, { ...request, ...(cursor ? { cursor } : {}) });
      ids.push(...result.chats.map((c) => c.ozonChatId));
      if (!result.nextCursor) return ids;
      cursor = result.nextCursor;
    }
    throw new Error("paging did not end");
  }

  it("lists newest activity first, chats without a message last, ties by id, the same across page sizes", async () => {
    const expected = ["c-new", "c-tie-a", "c-tie-b", "c-mid", "c-old", "c-none-1", "c-none-2", "c-none-3"];
    for (const limit of [1, 2, 3, 5, 8, 50]) expect(await everyPage({ limit: String(limit) })).toEqual(expected);
  });

  it("filters by unread, opened, closed and by kind, and always gives the account's total unread", async () => {
    expect(await everyPage({ filter: "unread", limit: "2" })).toEqual(["c-new", "c-tie-b", "c-mid", "c-none-2"]);
    expect(await everyPage({ filter: "closed" })).toEqual(["c-old", "c-none-2"]);
    expect(await everyPage({ filter: "opened", kind: "buyer" })).toEqual(["c-new", "c-tie-b", "c-none-1"]);
    expect(await everyPage({ kind: "support", limit: "1" })).toEqual(["c-tie-a", "c-mid", "c-none-3"]);
    const result = await listCachedChats(db.prisma, accountId, { filter: "closed" });
    expect(result.totalUnread).toBe(7);
  });

  it("shapes each chat for the browser", async () => {
    const result = await listCachedChats(db.prisma, accountId, { limit: "1" });
    expect(listCachedChatsResponseSchema.parse(result)).toEqual(result);
    const { chats } = result;
    expect(chats[0]).toEqual({
      id: "id-c-new",
      ozonChatId: "c-new",
      type: "buyer_seller",
      isBuyerChat: true,
      status: "OPENED",
      unreadCount: 3,
      lastMessageAt: new Date(now - 60_000).toISOString(),
      lastMessagePreview: "preview of c-new",
      lastMessageAuthor: "customer",
      postingNumber: null,
      orderNumber: null,
      product: null,
      createdAt: new Date(now - 86_400_000).toISOString(),
      assigneeId: null,
      workStatus: "OPEN",
      snoozedUntil: null,
      awaitingSince: null,
      replyState: { canReply: true, until: null, reason: null },
    });
  });

  it("refuses a cursor it did not issue and a limit outside 1..100, in words", async () => {
    for (const cursor of ["nonsense", Buffer.from('{"t":"yesterday","id":"x"}').toString("base64url"), "%%%"]) {
      const error = await listCachedChats(db.prisma, accountId, { cursor }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "cursor_invalid", message: expect.stringMatching(/cursor/) });
    }
    for (const limit of ["0", "101", "abc", "1.5"]) {
      await expect(listCachedChats(db.prisma, accountId, { limit })).rejects.toBeInstanceOf(ZodError);
    }
    await expect(listCachedChats(db.prisma, accountId, { filter: "everything" })).rejects.toThrow(/filter must be/);
  });
});
