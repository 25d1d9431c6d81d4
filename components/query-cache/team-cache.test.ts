import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { queryKeys } from "@/components/query-keys";
import type { ChatPresence } from "@/lib/cache/presence-view";
import { setPresence } from "./team-cache";

const viewer = (userId: string) => ({ userId, name: userId, viewingUntil: "2026-11-25T10:01:00.000Z", typingUntil: null });
const presence = (second: number, ...userIds: string[]): ChatPresence => ({ viewers: userIds.map(viewer), asOf: `2026-11-25T10:00:${String(second).padStart(2, "0")}.000Z` });

describe("a chat's presence in the tab", () => {
  it("keeps the latest read whatever the order of arrival: a heartbeat's answer read before a colleague came does not hide them", () => {
    const qc = new QueryClient();
    const key = queryKeys.account("a").presence("c");
    const viewers = () => qc.getQueryData<ChatPresence>(key)?.viewers.map((v) => v.userId);

    setPresence(qc, "a", "c", presence(2, "admin", "boris")); // the event of Boris opening the chat
    setPresence(qc, "a", "c", presence(1, "admin")); // the admin's own heartbeat, read a moment before, answered after
    expect(viewers()).toEqual(["admin", "boris"]);

    setPresence(qc, "a", "c", presence(3, "admin")); // Boris left: a later read
    expect(viewers()).toEqual(["admin"]);
  });
});
