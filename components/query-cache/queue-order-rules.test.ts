import { describe, expect, it } from "vitest";
import type { ChatView } from "@/lib/cache/chat-view";
import { chatListAdmits, compareChatsInList } from "./chat-list-rules";
import { testChat } from "./test-helpers";

const at = (hour: number) => new Date(Date.UTC(2026, 11, 7, hour)).toISOString();

function chat(id: string, waitingSince: number, until: number | null, over: Partial<ChatView> = {}): ChatView {
  return testChat(id, null, {
    lastMessageAt: at(waitingSince),
    createdAt: at(0),
    replyState: { canReply: true, until: until === null ? null : at(until), reason: until === null ? null : "fbo_window_passed" },
    awaitingSince: at(waitingSince),
    ...over,
  });
}

describe("the queue's order and its closed windows in the browser (as lib/team/list-queue-chats.ts)", () => {
  it("Needs reply: the Ozon deadline soonest first, chats without one after, each by the longest wait, then id", () => {
    const chats = [chat("late", 1, 20), chat("none-new", 9, null), chat("soon", 8, 12), chat("none-old", 2, null), chat("soon-b", 8, 12)];
    const sorted = [...chats].sort((a, b) => compareChatsInList({ view: "needs_reply", me: "me" }, a, b));
    expect(sorted.map((c) => c.id)).toEqual(["soon", "soon-b", "late", "none-old", "none-new"]);
  });

  it("a closed reply window takes the chat out of Needs reply and Unassigned, not out of Mine", () => {
    const closed = chat("x", 1, null, { assigneeId: "me", replyState: { canReply: false, until: null, reason: "fbo_window_passed" } });
    const admits = (view: "needs_reply" | "unassigned" | "mine", c: ChatView) => chatListAdmits({ view, me: "me" }, c);
    expect(admits("needs_reply", closed)).toBe(false);
    expect(admits("unassigned", { ...closed, assigneeId: null })).toBe(false);
    expect(admits("mine", closed)).toBe(true);
    expect(admits("needs_reply", { ...closed, replyState: { canReply: true, until: at(5), reason: null } })).toBe(true);
  });
});
