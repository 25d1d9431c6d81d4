import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { queryKeys } from "@/components/query-keys";
import type { ListCachedMessagesResponse } from "@/lib/chats/list-cached-messages";
import { chatMessagesOptions } from "./use-chat-messages";

const page = { messages: [{ id: "7", text: "hi" }], hasMore: false, outbox: [] } as unknown as ListCachedMessagesResponse;

describe("chatMessagesOptions (the chat list's prefetch and the thread's query)", () => {
  let fetchMock: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fetchMock = vi.fn(async () => new Response(JSON.stringify(page), { status: 200 }));
    vi.stubGlobal("fetch", fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("fills the entry the thread reads, with the chat's newest page", async () => {
    const qc = new QueryClient();
    await qc.prefetchInfiniteQuery(chatMessagesOptions("acc/1", "c 2"));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]![0]).toBe("/api/accounts/acc%2F1/chats/c%202/messages?limit=50");
    expect(qc.getQueryData(queryKeys.account("acc/1").messages("c 2"))).toEqual({ pages: [page], pageParams: [null] });
  });

  it("shares one request between pointer down, click and the thread's mount while it is on its way", async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } });
    const pointerDown = qc.prefetchInfiniteQuery(chatMessagesOptions("a", "c"));
    const click = qc.prefetchInfiniteQuery(chatMessagesOptions("a", "c"));
    const thread = qc.fetchInfiniteQuery(chatMessagesOptions("a", "c"));
    await Promise.all([pointerDown, click, thread]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    // Fresh in the cache: hovering it again asks nothing.
    await qc.prefetchInfiniteQuery(chatMessagesOptions("a", "c"));
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
