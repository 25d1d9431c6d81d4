/** Test-only: asserts that an account's cache equals the emulator's state of a seller. */
import { expect } from "vitest";

import { emulatorControl } from "@/emulator/testing";
import type { PrismaClient } from "@/lib/db/generated/client";
import { FEEDBACK_KINDS } from "@/lib/cache/feedback-kinds";
import { normalizeUserType } from "@/lib/ozon";

export async function expectCacheEqualsEmulator(prisma: PrismaClient, accountId: string, url: string, clientId = "demo-client") {
  const state = await emulatorControl(url).state(clientId);
  const chats = await prisma.chat.findMany({
    // Chats only: questions and reviews are rows of their own kinds (lib/feedback/sync-feedback.test.ts).
    where: { accountId, type: { notIn: [...FEEDBACK_KINDS] } },
    include: { messages: { orderBy: { ozonMessageId: "asc" } } },
    orderBy: { ozonChatId: "asc" },
  });
  const cached = chats.map((c) => ({
    chatId: c.ozonChatId,
    type: c.type,
    status: c.status,
    unread: c.unreadCount,
    firstUnread: c.firstUnreadMessageId.toString(),
    messages: c.messages.map((m) => ({
      id: m.ozonMessageId.toString(),
      text: m.text,
      author: m.authorType,
      authorId: m.authorId,
      isRead: m.isRead,
      isImage: m.isImage,
      moderation: m.moderationStatus,
      createdAt: m.createdAt.toISOString(),
      orderNumber: m.orderNumber,
    })),
  }));
  const expected = [...state.chats]
    .sort((a, b) => (a.chat_id < b.chat_id ? -1 : a.chat_id > b.chat_id ? 1 : 0))
    .map((c) => ({
      chatId: c.chat_id,
      type: c.chat_type.toLowerCase(),
      status: c.chat_status,
      unread: c.unread_count,
      firstUnread: c.first_unread_message_id,
      messages: [...c.messages]
        .sort((a, b) => (BigInt(a.message_id) < BigInt(b.message_id) ? -1 : 1))
        .map((m) => ({
          id: m.message_id,
          text: m.data.join("\n"),
          author: normalizeUserType(m.user.type),
          authorId: m.user.id,
          isRead: m.is_read,
          isImage: m.is_image,
          moderation: m.moderate_image_status ?? null,
          createdAt: m.created_at,
          orderNumber: m.context?.order_number ?? null,
        })),
    }));
  expect(cached).toEqual(expected);
  // The chat list's columns follow the newest message.
  for (const c of chats) {
    const newest = c.messages.at(-1);
    expect(c.lastMessageId).toBe(newest?.ozonMessageId ?? 0n);
    if (newest) expect(c.lastMessageAt?.getTime()).toBe(newest.createdAt.getTime());
  }
  return state;
}
