/** Test-only fixtures of the query cache's tests: chats, messages and outbox rows as the server shows them. */
import type { InfiniteData } from "@tanstack/react-query";
import type { ChatView } from "@/lib/cache/chat-view";
import type { MessageView } from "@/lib/cache/message-view";
import type { OutboxView } from "@/lib/cache/outbox-view";
import type { ListCachedChatsResponse } from "@/lib/chats/list-cached-chats";
import type { ListCachedMessagesResponse } from "@/lib/chats/list-cached-messages";

/** A minute of 25 Nov 2026, 10:00 UTC on (null: none). */
export const minute = (value: number | null): string | null => (value === null ? null : new Date(Date.UTC(2026, 10, 25, 10, value)).toISOString());

export function testChat(id: string, lastMinute: number | null, over: Partial<ChatView> = {}): ChatView {
  return {
    id,
    ozonChatId: `oz-${id}`,
    type: "buyer_seller",
    isBuyerChat: true,
    status: "OPENED",
    unreadCount: 0,
    lastMessageAt: minute(lastMinute),
    lastMessagePreview: "hi",
    lastMessageAuthor: "customer",
    postingNumber: null,
    orderNumber: null,
    product: null,
    createdAt: "2026-11-01T00:00:00.000Z",
    replyState: { canReply: true, until: null, reason: null },
    assigneeId: null,
    workStatus: "OPEN",
    snoozedUntil: null,
    awaitingSince: null,
    ...over,
  };
}

/** A loaded chat list of these pages (the last one without a cursor unless it says otherwise). */
export function testChatList(pages: { chats: ChatView[]; nextCursor: string | null }[], totalUnread = 0): InfiniteData<ListCachedChatsResponse, unknown> {
  return { pages: pages.map((page) => ({ ...page, totalUnread })), pageParams: pages.map((_, index) => (index === 0 ? null : `p${index}`)) };
}

export function testMessage(id: string, over: Partial<MessageView> = {}): MessageView {
  return {
    id,
    authorType: "customer",
    text: `m${id}`,
    isImage: false,
    moderationStatus: null,
    isRead: false,
    createdAt: "2026-11-25T10:00:00.000Z",
    sentBy: null,
    clientId: null,
    orderNumber: null,
    sku: null,
    ...over,
  };
}

export function testOutboxRow(clientId: string, state: OutboxView["state"], updatedAt = "2026-11-25T10:00:00.000Z", over: Partial<OutboxView> = {}): OutboxView {
  return {
    id: `o-${clientId}`,
    clientId,
    chatId: "c1",
    kind: "TEXT",
    text: "Здравствуйте",
    fileName: null,
    state,
    attempts: 1,
    lastError: null,
    lastErrorCode: null,
    lastErrorParams: null,
    ozonMessageId: null,
    createdAt: "2026-11-25T10:00:00.000Z",
    updatedAt,
    sentAt: null,
    ...over,
  };
}

/** A chat's loaded history: one page, its messages and outbox. */
export function testHistory(messages: MessageView[], outbox: OutboxView[]): InfiniteData<ListCachedMessagesResponse, unknown> {
  return { pages: [{ messages, hasMore: false, notice: null, outbox }], pageParams: [null] };
}
