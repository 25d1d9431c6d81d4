import { QueryClient } from "@tanstack/react-query";
import { beforeEach, describe, expect, it } from "vitest";
import { queryKeys } from "@/components/query-keys";
import type { SavedReplyView } from "@/lib/replies/saved-reply-view";
import { findSavedReply, putSavedReply, refreshSavedReplies, removeSavedReply, type SavedReplyListResponse } from "./saved-reply-cache";

const reply = (id: string, title: string, over: Partial<SavedReplyView> = {}): SavedReplyView => ({
  id,
  title,
  shortcut: id,
  text: `text of ${id}`,
  scope: "team",
  accountId: null,
  usageCount: 0,
  mayEdit: true,
  ...over,
});

describe("the saved replies' cache", () => {
  let qc: QueryClient;
  const list = () => qc.getQueryData<SavedReplyListResponse>(queryKeys.savedReplies());
  const titles = () => list()?.replies.map((item) => `${item.id}:${item.title}`);

  beforeEach(() => {
    qc = new QueryClient();
    qc.setQueryData<SavedReplyListResponse>(queryKeys.savedReplies(), { replies: [reply("a", "Delivery"), reply("b", "Refund")], mayWriteTeam: false });
  });

  it("puts a reply at its place by title, a changed one moves, a stand-in gives way to the server's reply", () => {
    putSavedReply(qc, reply("new-1", "Greeting"));
    expect(titles()).toEqual(["a:Delivery", "new-1:Greeting", "b:Refund"]);
    putSavedReply(qc, reply("c", "Greeting", { mayEdit: false }), "new-1");
    expect(titles()).toEqual(["a:Delivery", "c:Greeting", "b:Refund"]);
    expect(findSavedReply(qc, "c")?.mayEdit).toBe(false);
    putSavedReply(qc, reply("a", "Where is my order"));
    expect(titles()).toEqual(["c:Greeting", "b:Refund", "a:Where is my order"]);
    // What the server said about the user's rights stays beside the list.
    expect(list()?.mayWriteTeam).toBe(false);
  });

  it("removes a reply, and a refused delete puts it back where it was", () => {
    const before = findSavedReply(qc, "a")!;
    removeSavedReply(qc, "a");
    expect(titles()).toEqual(["b:Refund"]);
    putSavedReply(qc, before);
    expect(titles()).toEqual(["a:Delivery", "b:Refund"]);
  });

  it("leaves an unloaded list alone", () => {
    const empty = new QueryClient();
    putSavedReply(empty, reply("a", "x"));
    removeSavedReply(empty, "a");
    expect(empty.getQueryData(queryKeys.savedReplies())).toBeUndefined();
  });

  it("a refresh marks the list and every chat's replies stale, nothing else of the accounts", async () => {
    const keys = queryKeys.account("acc");
    qc.setQueryData(keys.chatReplies("c1"), { replies: [], variables: {} });
    qc.setQueryData(keys.agents(), { agents: [] });
    await refreshSavedReplies(qc);
    const stale = (key: readonly unknown[]) => qc.getQueryState(key)?.isInvalidated;
    expect(stale(queryKeys.savedReplies())).toBe(true);
    expect(stale(keys.chatReplies("c1"))).toBe(true);
    expect(stale(keys.agents())).toBe(false);
  });
});
