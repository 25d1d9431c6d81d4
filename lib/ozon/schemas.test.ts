import { describe, expect, it } from "vitest";

import { isBuyerChatType, normalizeChatType, normalizeUserType, ozonIdSchema } from "./schemas";

describe("ozonIdSchema", () => {
  it.each([
    ["3000000000817031942", "3000000000817031942"],
    [" 3000000000817031942 ", "3000000000817031942"],
    [42, "42"],
    [0, "0"],
    ["0042", "42"],
    [3000000000817031942n, "3000000000817031942"],
  ])("%s -> %s", (input, out) => {
    expect(ozonIdSchema.parse(input)).toBe(out);
  });

  it.each([[3000000000817031942], [-1], [1.5], ["12a"], [""], [null], ["-5"]])("refuses %s", (input) => {
    expect(ozonIdSchema.safeParse(input).success).toBe(false);
  });
});

describe("normalisers", () => {
  it.each([
    ["\u0421ustomer", "customer"],
    ["Customer", "customer"],
    ["customer", "customer"],
    ["CUSTOMER", "customer"],
    ["\u0441ustomer", "customer"],
    ["Seller", "seller"],
    ["Support", "support"],
    ["support", "support"],
    ["NotificationUser", "notification"],
    ["Crm", "crm"],
    ["Courier", "courier"],
    ["ChatBot", "system"],
    ["", "system"],
  ])("user.type %s -> %s", (raw, t) => {
    expect(normalizeUserType(raw)).toBe(t);
  });

  it.each([
    ["BUYER_SELLER", "BUYER_SELLER", true],
    ["Buyer_Seller", "BUYER_SELLER", true],
    ["buyer_seller_select", "BUYER_SELLER_SELECT", true],
    ["Seller_Support", "SELLER_SUPPORT", false],
    ["SELLER_NOTIFICATION_LOGISTICS", "SELLER_NOTIFICATION_LOGISTICS", false],
    ["UNSPECIFIED", "UNSPECIFIED", false],
  ])("chat_type %s -> %s (buyer: %s)", (raw, up, buyer) => {
    expect(normalizeChatType(raw)).toBe(up);
    expect(isBuyerChatType(raw)).toBe(buyer);
  });
});
