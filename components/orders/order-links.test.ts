import { describe, expect, it } from "vitest";
import { inboxChatHref, isOrderNumber, ordersHref, postingApiUrl, postingHref, postingsApiUrl } from "./order-links";

describe("order links", () => {
  it("carry the account, and the search only when there is one", () => {
    expect(ordersHref("acc 1")).toBe("/orders?account=acc%201");
    expect(ordersHref("a", "0025-31")).toBe("/orders?account=a&q=0025-31");
    expect(postingHref("a", "0025174183-3178-1")).toBe("/orders/0025174183-3178-1?account=a");
    expect(inboxChatHref("a", "c/1")).toBe("/inbox/c%2F1?account=a");
  });

  it("name our API routes", () => {
    expect(postingsApiUrl("a", "")).toBe("/api/accounts/a/postings");
    expect(postingsApiUrl("a", "0025 1")).toBe("/api/accounts/a/postings?search=0025%201");
    expect(postingApiUrl("a", "0025174183-3178-1")).toBe("/api/accounts/a/postings/0025174183-3178-1");
  });
});

describe("isOrderNumber", () => {
  it("tells an order number from a posting number", () => {
    expect(isOrderNumber("0025174183-3178")).toBe(true);
    expect(isOrderNumber("0025174183-3178-1")).toBe(false);
    expect(isOrderNumber("0025174183")).toBe(false);
    expect(isOrderNumber("abc-def")).toBe(false);
  });
});
