import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { forEachDatabase } from "@/lib/db/testing";

import { storeChatSummaries } from "./store-chat-summaries";
import { IMAGE_PREVIEW, messagePreview, storeMessages } from "./store-messages";
import { closeOtherSessions, createTestAccount, message, summary } from "./test-helpers";

// 2^63 - 1 - 10 and friends: far beyond 2^53, where a JS number would round.
const BIG = ["9223372036854775797", "9223372036854775798", "9223372036854775799"];

forEachDatabase("cache writers", (db) => {
  let accountId: string;
  afterAll(() => closeOtherSessions(db));
  beforeEach(async () => {
    await db.reset();
    accountId = await createTestAccount(db.prisma);
  });

  async function newChat(ozonChatId = "chat-1") {
    const { chatIds } = await storeChatSummaries(db.prisma, accountId, [summary(ozonChatId)]);
    return { id: chatIds.get(ozonChatId)! };
  }

  it("storeChatSummaries upserts by Ozon chat id, normalising type and status", async () => {
    const first = await storeChatSummaries(db.prisma, accountId, [
      summary("a", { chatType: "SELLER_SUPPORT", isBuyerChat: false, unreadCount: 2, firstUnreadMessageId: BIG[0], lastMessageId: BIG[1] }),
      summary("b", { chatStatus: "UNSPECIFIED" }),
    ]);
    expect(first.created).toBe(2);
    const again = await storeChatSummaries(db.prisma, accountId, [
      summary("a", { chatType: "SELLER_SUPPORT", isBuyerChat: false, chatStatus: "CLOSED", unreadCount: 0, lastMessageId: BIG[2] }),
    ]);
    expect(again).toMatchObject({ created: 0, updated: 1 });
    const rows = await db.prisma.chat.findMany({ orderBy: { ozonChatId: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      ozonChatId: "a",
      type: "seller_support",
      isBuyerChat: false,
      status: "CLOSED",
      unreadCount: 0,
      firstUnreadMessageId: 0n,
      lastMessageId: BigInt(BIG[2]!),
    });
    expect(rows[0]!.lastMessageId.toString()).toBe(BIG[2]);
    expect(rows[1]).toMatchObject({ ozonChatId: "b", type: "buyer_seller", status: "OPENED" });
  });

  it("storeChatSummaries never moves lastMessageId backwards", async () => {
    await storeChatSummaries(db.prisma, accountId, [summary("a", { lastMessageId: BIG[2] })]);
    await storeChatSummaries(db.prisma, accountId, [summary("a", { lastMessageId: BIG[0] })]);
    const row = await db.prisma.chat.findFirstOrThrow({ where: { ozonChatId: "a" } });
    expect(row.lastMessageId).toBe(BigInt(BIG[2]!));
  });

  it("stores the same messages twice as one row each, ids above 2^53 exact", async () => {
    const chat = await newChat();
    const batch = BIG.map((id, i) => message(id, { createdAt: `2026-11-20T10:0${i}:00.000Z` }));
    expect(await storeMessages(db.prisma, chat, batch)).toEqual({ inserted: 3 });
    expect(await storeMessages(db.prisma, chat, [...batch, batch[1]!])).toEqual({ inserted: 0 });
    const rows = await db.prisma.message.findMany({ where: { chatId: chat.id }, orderBy: { ozonMessageId: "asc" } });
    expect(rows.map((r) => r.ozonMessageId.toString())).toEqual(BIG);
    const raw = await db.sql.query<{ id: string }>(`SELECT ozon_message_id::text AS id FROM messages ORDER BY 1`);
    expect(raw.map((r) => r.id)).toEqual(BIG);
  });

  it("maps Ozon's fields and moves the chat's last message forward only", async () => {
    const chat = await newChat();
    await storeMessages(db.prisma, chat, [
      message(BIG[1]!, {
        user: { id: "3000", type: "seller", rawType: "Seller" },
        data: ["Здравствуйте!", "Заказ отправлен."],
        isRead: true,
        context: { orderNumber: "0025174183-3178", sku: "1234567" },
        createdAt: "2026-11-20T11:00:00.000Z",
      }),
    ]);
    // An older message arriving later (a backward page) does not replace the preview.
    await storeMessages(db.prisma, chat, [message(BIG[0]!, { createdAt: "2026-11-20T09:00:00.000Z" })]);
    const stored = await db.prisma.message.findFirstOrThrow({ where: { ozonMessageId: BigInt(BIG[1]!) } });
    expect(stored).toMatchObject({
      authorType: "seller",
      authorId: "3000",
      text: "Здравствуйте!\nЗаказ отправлен.",
      isRead: true,
      orderNumber: "0025174183-3178",
      sku: "1234567",
    });
    let row = await db.prisma.chat.findUniqueOrThrow({ where: { id: chat.id } });
    expect(row).toMatchObject({
      lastMessageId: BigInt(BIG[1]!),
      lastMessagePreview: "Здравствуйте! Заказ отправлен.",
      lastMessageAuthor: "seller",
      orderNumber: "0025174183-3178",
    });
    expect(row.lastMessageAt?.toISOString()).toBe("2026-11-20T11:00:00.000Z");

    await storeMessages(db.prisma, chat, [
      message(BIG[2]!, { isImage: true, moderateImageStatus: "MODERATION", data: ["![photo.jpg](https://cdn/x.jpg)"] }),
    ]);
    row = await db.prisma.chat.findUniqueOrThrow({ where: { id: chat.id } });
    expect(row).toMatchObject({ lastMessageId: BigInt(BIG[2]!), lastMessagePreview: IMAGE_PREVIEW, lastMessageAuthor: "customer" });
  });

  it("brings is_read, moderation and the sender of a stored message up to date", async () => {
    const chat = await newChat();
    const user = await db.prisma.user.create({ data: { email: "a@x.ru", name: "Агент", passwordHash: "x" } });
    await storeMessages(db.prisma, chat, [message(BIG[0]!, { isImage: true, moderateImageStatus: "MODERATION" })]);
    await storeMessages(db.prisma, chat, [message(BIG[0]!, { isRead: true, isImage: true, moderateImageStatus: "SUCCESS" })], {
      sentByUserIdFor: (id) => (id === BIG[0] ? user.id : undefined),
    });
    const rows = await db.prisma.message.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ isRead: true, moderationStatus: "SUCCESS", sentByUserId: user.id });
  });
});

describe("messagePreview", () => {
  it("cuts at 140 code points without splitting an emoji", () => {
    const preview = messagePreview(message("1", { data: ["😀".repeat(200)] }));
    expect(Array.from(preview)).toHaveLength(140);
    expect(preview.endsWith("😀…")).toBe(true);
  });
});
