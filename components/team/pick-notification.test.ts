import { describe, expect, it } from "vitest";
import type { ChatView } from "@/lib/cache/chat-view";
import type { MessageView } from "@/lib/cache/message-view";
import { testChat } from "@/components/query-cache/test-helpers";
import { DEFAULT_NOTIFY_SETTINGS } from "@/lib/team/notify-settings";
import { createNotificationLimiter, pickNotification } from "./pick-notification";

const chat = (assigneeId: string | null): ChatView =>
  testChat("c1", null, { ozonChatId: "o1", unreadCount: 1, lastMessagePreview: null, lastMessageAuthor: "customer", createdAt: "2026-11-01T00:00:00.000Z", assigneeId });
const buyer: MessageView = { id: "1", authorType: "customer", text: "Где заказ?", isImage: false, moderationStatus: null, isRead: false, createdAt: "2026-11-25T10:00:00.000Z", sentBy: null, clientId: null, orderNumber: null, sku: null };
const line = (over: object) => ({ id: "5", chatId: "c1", actor: { id: "u2", name: "Anna" }, automatic: false, assigneeId: null, status: null, snoozedUntil: null, text: null, mentions: [], createdAt: "2026-11-25T10:00:00.000Z", kind: "note" as const, ...over });

describe("pickNotification", () => {
  it("a buyer's message: in my chat yes, in the pool only when asked, in a colleague's chat never", () => {
    const event = (owner: string | null) => ({ kind: "message" as const, accountId: "a", chat: chat(owner), messages: [buyer], totalUnread: 1 });
    expect(pickNotification(event("me"), "me", DEFAULT_NOTIFY_SETTINGS)).toMatchObject({ reason: "message", text: "Где заказ?" });
    expect(pickNotification(event(null), "me", DEFAULT_NOTIFY_SETTINGS)).toBeNull();
    expect(pickNotification(event(null), "me", { ...DEFAULT_NOTIFY_SETTINGS, pool: true })).toMatchObject({ reason: "message" });
    expect(pickNotification(event("u2"), "me", { ...DEFAULT_NOTIFY_SETTINGS, pool: true })).toBeNull();
  });

  it("a mention of me and a chat assigned to me by someone else or automatically; never my own action", () => {
    const team = (activity: object) => ({ kind: "team" as const, accountId: "a", chat: chat("me"), activity: line(activity), totalUnread: 0 });
    expect(pickNotification(team({ mentions: ["me"], text: "@Me глянь" }), "me", DEFAULT_NOTIFY_SETTINGS)).toMatchObject({ reason: "mention", by: "Anna" });
    expect(pickNotification(team({ kind: "assigned", assigneeId: "me" }), "me", DEFAULT_NOTIFY_SETTINGS)).toMatchObject({ reason: "assigned", by: "Anna", automatic: false });
    expect(pickNotification(team({ kind: "assigned", assigneeId: "me", actor: null, automatic: true }), "me", DEFAULT_NOTIFY_SETTINGS)).toMatchObject({ reason: "assigned", by: null, automatic: true });
    expect(pickNotification(team({ kind: "assigned", assigneeId: "me", actor: { id: "me", name: "Me" } }), "me", DEFAULT_NOTIFY_SETTINGS)).toBeNull();
  });

  it("at most one per chat per minute", () => {
    const allow = createNotificationLimiter();
    expect(allow("c1", 0)).toBe(true);
    expect(allow("c1", 59_999)).toBe(false);
    expect(allow("c2", 1)).toBe(true);
    expect(allow("c1", 60_000)).toBe(true);
  });
});
