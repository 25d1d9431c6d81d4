import { describe, expect, it } from "vitest";

import { getPosting } from "./get-posting";
import { getRoles } from "./get-roles";
import { getSellerInfo } from "./get-seller-info";
import { listAllChats } from "./list-chats";
import { listPostings, listRecentPostings } from "./list-postings";
import { startChat } from "./start-chat";
import { fakeFetch, jsonResponse, testConn } from "./test-helpers";

const chat = (id: string) => ({
  chat: { chat_id: id, chat_status: "OPENED", chat_type: "BUYER_SELLER", created_at: "2026-01-01T00:00:00Z" },
  first_unread_message_id: 0,
  last_message_id: 0,
  unread_count: 0,
});

const posting = (n: string, extra: Record<string, unknown> = {}) => ({
  posting_number: n,
  order_id: 123456789,
  order_number: n.split("-").slice(0, 2).join("-"),
  status: "delivering",
  substatus: "posting_on_way_to_city",
  in_process_at: "2026-01-02T00:00:00Z",
  shipment_date: "2026-01-03T00:00:00Z",
  delivering_date: null,
  products: [{ sku: 987654321, offer_id: "A-1", name: "Стекло", quantity: 1, price: "499.0000", currency_code: "RUB" }],
  available_actions: ["can_create_chat"],
  ...extra,
});

describe("listAllChats", () => {
  it("follows the cursor to the end, deduplicating", async () => {
    const f = fakeFetch((c) => {
      const cursor = (JSON.parse(c.body) as { cursor?: string }).cursor ?? "";
      if (cursor === "") return jsonResponse({ chats: [chat("a"), chat("b")], total_unread_count: 1, cursor: "p2", has_next: true });
      if (cursor === "p2") return jsonResponse({ chats: [chat("b"), chat("c")], total_unread_count: 1, cursor: "p3", has_next: true });
      return jsonResponse({ chats: [chat("d")], total_unread_count: 1, cursor: "", has_next: false });
    });
    const r = await listAllChats(testConn(f.fetch), { limit: 2 });
    expect(r.chats.map((c) => c.chatId)).toEqual(["a", "b", "c", "d"]);
    expect(r).toMatchObject({ pages: 3, complete: true, totalUnreadCount: 1 });
    expect(f.calls.map((c) => JSON.parse(c.body))).toEqual([
      { limit: 2 },
      { limit: 2, cursor: "p2" },
      { limit: 2, cursor: "p3" },
    ]);
  });

  it("stops on a repeated cursor instead of looping", async () => {
    const f = fakeFetch(() => jsonResponse({ chats: [chat("a")], cursor: "same", has_next: true }));
    const r = await listAllChats(testConn(f.fetch));
    expect(r.complete).toBe(false);
    expect(f.calls.length).toBe(2);
  });
});

describe("postings", () => {
  it("getPosting tries FBS then FBO on not found", async () => {
    const f = fakeFetch((c) =>
      c.url.endsWith("/v3/posting/fbs/get")
        ? jsonResponse({ code: 5, message: "posting not found", details: [] }, 404)
        : jsonResponse({ result: posting("111-222-1", { created_at: "2026-01-01T00:00:00Z" }) }),
    );
    const p = await getPosting(testConn(f.fetch), { postingNumber: "111-222-1" });
    expect(f.calls.map((c) => new URL(c.url).pathname)).toEqual(["/v3/posting/fbs/get", "/v2/posting/fbo/get"]);
    expect(p).toMatchObject({
      postingNumber: "111-222-1",
      scheme: "FBO",
      orderId: "123456789",
      canCreateChat: true,
      deliveringDate: null,
      products: [{ sku: "987654321", price: "499.0000", currencyCode: "RUB", offerId: "A-1" }],
    });
  });

  it("getPosting with a scheme calls one method; rFBS is derived", async () => {
    const f = fakeFetch(() => jsonResponse({ result: posting("1-1-1", { delivery_schema: "rFBS" }) }));
    const p = await getPosting(testConn(f.fetch), { postingNumber: "1-1-1", scheme: "rFBS" });
    expect(p.scheme).toBe("rFBS");
    expect(f.calls).toHaveLength(1);
    expect(new URL(f.calls[0]!.url).pathname).toBe("/v3/posting/fbs/get");
  });

  it("getPosting does not fall back on other errors", async () => {
    const f = fakeFetch(() => jsonResponse({ code: 7, message: "Api-Key is missing a required role for a method" }, 403));
    await expect(getPosting(testConn(f.fetch), { postingNumber: "1-1-1" })).rejects.toMatchObject({ kind: "forbidden" });
    expect(f.calls).toHaveLength(1);
  });

  it("listPostings uses v4 FBS and v3 FBO with the right bodies", async () => {
    const f = fakeFetch(() => jsonResponse({ postings: [posting("1-1-1")], cursor: "", has_next: false }));
    const since = new Date("2026-01-01T00:00:00Z");
    const to = new Date("2026-01-31T00:00:00Z");
    await listPostings(testConn(f.fetch), { scheme: "FBS", since, to, orderNumbers: ["1-1"] });
    await listPostings(testConn(f.fetch), { scheme: "FBO", since, to, postingNumbers: ["1-1-1"], limit: 10, cursor: "x" });
    expect(f.calls.map((c) => [new URL(c.url).pathname, JSON.parse(c.body)])).toEqual([
      [
        "/v4/posting/fbs/list",
        { limit: 100, filter: { since: "2026-01-01T00:00:00.000Z", to: "2026-01-31T00:00:00.000Z", order_numbers: ["1-1"] } },
      ],
      [
        "/v3/posting/fbo/list",
        {
          cursor: "x",
          limit: 10,
          filter: { since: "2026-01-01T00:00:00.000Z", to: "2026-01-31T00:00:00.000Z", posting_numbers: ["1-1-1"] },
        },
      ],
    ]);
  });

  it("listRecentPostings merges both schemes newest first", async () => {
    const f = fakeFetch((c) =>
      c.url.endsWith("/v4/posting/fbs/list")
        ? jsonResponse({ postings: [posting("1-1-1", { in_process_at: "2026-01-01T00:00:00Z" })], cursor: "", has_next: false })
        : jsonResponse({ postings: [posting("2-2-1", { in_process_at: "2026-01-05T00:00:00Z" })], cursor: "", has_next: false }),
    );
    const r = await listRecentPostings(testConn(f.fetch), { days: 7 });
    expect(r.postings.map((p) => [p.postingNumber, p.scheme])).toEqual([
      ["2-2-1", "FBO"],
      ["1-1-1", "FBS"],
    ]);
    expect(r.complete).toBe(true);
  });
});

describe("account methods", () => {
  it("getRoles gives expires_at", async () => {
    const f = fakeFetch(() => jsonResponse({ roles: [{ name: "Admin", methods: ["/v3/chat/list"] }], expires_at: "2027-01-01T00:00:00Z" }));
    expect(await getRoles(testConn(f.fetch))).toEqual({
      roles: [{ name: "Admin", methods: ["/v3/chat/list"] }],
      expiresAt: "2027-01-01T00:00:00Z",
    });
  });

  it("getSellerInfo gives the subscription", async () => {
    const f = fakeFetch(() => jsonResponse({ company: { name: "ООО" }, subscription: { is_premium: true, type: "PREMIUM_PLUS" } }));
    expect(await getSellerInfo(testConn(f.fetch))).toEqual({
      companyName: "ООО",
      subscription: { isPremium: true, type: "PREMIUM_PLUS", allowsChat: true },
    });
  });

  it("startChat returns the chat id", async () => {
    const f = fakeFetch(() => jsonResponse({ result: { chat_id: "abc" } }));
    expect(await startChat(testConn(f.fetch), { postingNumber: "1-1-1" })).toEqual({ chatId: "abc" });
    expect(JSON.parse(f.calls[0]!.body)).toEqual({ posting_number: "1-1-1" });
  });
});
