import { describe, expect, it } from "vitest";

import { liveEventSchema, type LiveEvent } from "./live-event";
import { readLiveEvent } from "./read-live-event";

const chat = {
  id: "c1",
  ozonChatId: "5e767w03",
  type: "buyer_seller",
  isBuyerChat: true,
  status: "OPENED" as const,
  unreadCount: 2,
  lastMessageAt: "2026-11-25T10:00:00.000Z",
  lastMessagePreview: "Здравствуйте",
  lastMessageAuthor: "customer",
  postingNumber: null,
  orderNumber: null,
  createdAt: "2026-11-20T10:00:00.000Z",
  replyState: { canReply: false, until: null, reason: "fbo_window_passed" as const },
  assigneeId: null,
  workStatus: "OPEN" as const,
  snoozedUntil: null,
  awaitingSince: null,
  product: null,
};
const events: LiveEvent[] = [
  {
    kind: "message",
    accountId: "a1",
    chat,
    totalUnread: 5,
    messages: [
      {
        id: "3000000000817031942",
        authorType: "customer",
        text: "Здравствуйте",
        isImage: false,
        moderationStatus: null,
        isRead: false,
        createdAt: "2026-11-25T10:00:00.000Z",
        sentBy: null,
        clientId: null,
        orderNumber: null,
        sku: null,
      },
    ],
  },
  { kind: "chat", accountId: "a1", chat: { ...chat, unreadCount: 0 }, totalUnread: 3 },
  { kind: "sync", accountId: "a1", sync: { phase: "IMPORTING", chatsTotal: 10, chatsDone: 4, lastSuccessAt: null, lastError: null } },
];

describe("readLiveEvent (the browser's check of the stream's data)", () => {
  it("reads every kind the server builds", () => {
    for (const event of events) {
      expect(liveEventSchema.parse(event)).toEqual(event);
      expect(readLiveEvent(JSON.stringify(event))).toEqual(event);
    }
  });

  it.each([
    ["not JSON", "{"],
    ["not an object", "[1]"],
    ["an unknown kind", JSON.stringify({ ...events[1], kind: "typing" })],
    ["no account", JSON.stringify({ ...events[1], accountId: undefined })],
    ["a message event without messages", JSON.stringify({ ...events[0], messages: undefined })],
    ["a chat event without its chat", JSON.stringify({ ...events[1], chat: null })],
    ["a sync event without its state", JSON.stringify({ kind: "sync", accountId: "a1" })],
  ])("refuses %s", (_, data) => {
    expect(readLiveEvent(data)).toBeNull();
  });
});
