/**
 * Contract: the shapes live Ozon sends (issue 13), from Ozon's own example bodies kept here as data, read by the
 * client, and the emulator answering the same shapes over real HTTP.
 *
 * Sources of the examples:
 * - SEED: Ozon's documentation text of /v3/chat/history and /v2/chat/read (../shared/seeds/ozon-chat-methods.ru.txt),
 *   copied verbatim (the "Сustomer" with a Cyrillic С included);
 * - SW26: Ozon's Seller API OpenAPI schema, daily mirror of docs.ozon.ru/api/seller/swagger.json
 *   (vispar-tech/ozon-seller-api-schema), as recorded in ../shared/ozon-chat-api.md §3.2, §4 and §12: the posting lists'
 *   `price: {"amount": "12990.00", "currency": "RUB"}`, the v4 list's `delivery_schema`, the chat types;
 * - the FBS posting schema's `tpl_integration_type` values (Ozon's description: ozon, 3pl_tracking, non_integrated,
 *   aggregator, hybryd), as in salacoste/ozon-daytona-seller-api ozon-api-md/common-types/v3fbsposting.md.
 */
import { describe, expect, it } from "vitest";
import { withEmulator } from "@/lib/testing/with-emulator";

import { getChatHistoryResponseSchema } from "./get-chat-history";
import { listChatsResponseSchema } from "./list-chats";
import { listFboPostingsResponseSchema, listFbsPostingsResponseSchema, listPostings } from "./list-postings";
import { parseJsonLossless } from "./request";

const emulator = withEmulator();

/** SEED, /v3/chat/history, "Примеры ответа" 200. */
const SEED_HISTORY_RESPONSE = `{
"has_next": true,
"messages": [
{
"context": {
"order_number": "123456789",
"sku": "987654321"
},
"created_at": "2019-08-24T14:15:22Z",
"data": [
"Здравствуйте, у меня вопрос по вашему товару \\"Стекло защитное для смартфонов\\", артикул 11223. Подойдет ли он на данную [ модель ](https://www.ozon.ru/product/smartfon-samsung-galaxy-a03s-4-64-gb-chernyy) телефона?"
],
"is_image": true,
"is_read": true,
"message_id": "3000000000817031942",
"moderate_image_status": "SUCCESS",
"user": {
"id": "115568",
"type": "Сustomer"
}
}
]
}`;

/** SEED, /v2/chat/read, "Примеры запроса": from_message_id is a bare integer. */
const SEED_READ_REQUEST = `{
"chat_id": "99feb3fc-a474-469f-95d5-268b470cc607",
"from_message_id": 3000000000118032000
}`;

/** SW26 (§4): /v3/chat/list, with the chat types live Ozon has beyond buyer and support (§3.2). */
const SW26_CHAT_LIST_RESPONSE = `{
  "chats": [
    { "chat": { "chat_id": "5e767w03-b400-4y1b-a841-75319ca8a5c8", "chat_status": "OPENED", "chat_type": "BUYER_SELLER", "created_at": "2022-07-22T08:07:19.581Z" },
      "first_unread_message_id": 3000000000118021931, "last_message_id": 3000000001280042740, "unread_count": 1 },
    { "chat": { "chat_id": "a1", "chat_status": "OPENED", "chat_type": "BUYER_SELLER_SELECT", "created_at": "2022-07-22T08:07:19.581Z" },
      "first_unread_message_id": 0, "last_message_id": 3000000001280042741, "unread_count": 0 },
    { "chat": { "chat_id": "a2", "chat_status": "OPENED", "chat_type": "UNSPECIFIED", "created_at": "2022-07-22T08:07:19.581Z" },
      "first_unread_message_id": 0, "last_message_id": 3000000001280042742, "unread_count": 0 },
    { "chat": { "chat_id": "a3", "chat_status": "OPENED", "chat_type": "SELLER_NOTIFICATION_LOGISTICS", "created_at": "2022-07-22T08:07:19.581Z" },
      "first_unread_message_id": 0, "last_message_id": 3000000001280042743, "unread_count": 0 },
    { "chat": { "chat_id": "a4", "chat_status": "CLOSED", "chat_type": "SELLER_API_UPDATES", "created_at": "2022-07-22T08:07:19.581Z" },
      "first_unread_message_id": 0, "last_message_id": 3000000001280042744, "unread_count": 0 }
  ],
  "total_unread_count": 5,
  "cursor": "30000002342123123",
  "has_next": true
}`;

/** SW26 (§12.3): a /v4/posting/fbs/list page: no result wrapper, delivery_schema "fbs", price as an object. */
const SW26_FBS_LIST_RESPONSE = `{
  "cursor": "",
  "has_next": false,
  "postings": [
    { "posting_number": "0132112277-0101-1", "order_id": 680420041, "order_number": "0132112277-0101", "status": "awaiting_deliver",
      "substatus": "posting_created", "delivery_schema": "fbs", "tpl_integration_type": "ozon", "in_process_at": "2026-11-20T10:00:00Z",
      "shipment_date": "2026-11-21T10:00:00Z", "delivering_date": null, "available_actions": ["can_create_chat"],
      "products": [{ "sku": 1482736501, "offer_id": "PLED-150-GR", "name": "Плед", "quantity": 2, "price": { "amount": "12990.00", "currency": "RUB" } }] },
    { "posting_number": "0132112278-0102-1", "order_id": 680420042, "order_number": "0132112278-0102", "status": "delivering",
      "substatus": "posting_in_courier_service", "delivery_schema": "fbs", "tpl_integration_type": "non_integrated",
      "products": [{ "sku": 1482736502, "offer_id": "PLED-200-BG", "name": "Плед вязаный", "quantity": 1, "price": { "amount": "2490.00", "currency": "RUB" } }] }
  ]
}`;

/** SW26 (§12.3): a /v3/posting/fbo/list page with substatus and the object price. */
const SW26_FBO_LIST_RESPONSE = `{
  "cursor": "",
  "has_next": false,
  "postings": [
    { "posting_number": "16965316-0012-1", "order_id": 16965316, "order_number": "16965316-0012", "status": "delivered", "substatus": "posting_delivered",
      "in_process_at": "2026-11-20T10:00:00Z",
      "products": [{ "sku": 1539920117, "offer_id": "KAST-4L-ST", "name": "Кастрюля", "quantity": 1, "price": { "amount": "1890.00", "currency": "RUB" } }] }
  ]
}`;

describe("Ozon's example bodies, read by the client", () => {
  it("history (SEED): exact 64-bit id, the Cyrillic «Сustomer» is the buyer, the order context", () => {
    const page = getChatHistoryResponseSchema.parse(parseJsonLossless(SEED_HISTORY_RESPONSE));
    expect(page.messages[0]).toMatchObject({
      messageId: "3000000000817031942",
      user: { id: "115568", type: "customer" },
      context: { orderNumber: "123456789", sku: "987654321" },
      isImage: true,
      moderateImageStatus: "SUCCESS",
    });
  });

  it("chat list (SW26): Ozon Select chats are buyer chats; UNSPECIFIED, notification and API chats are not", () => {
    const list = listChatsResponseSchema.parse(parseJsonLossless(SW26_CHAT_LIST_RESPONSE));
    expect(list.chats.map((c) => [c.chatType, c.isBuyerChat])).toEqual([
      ["BUYER_SELLER", true],
      ["BUYER_SELLER_SELECT", true],
      ["UNSPECIFIED", false],
      ["SELLER_NOTIFICATION_LOGISTICS", false],
      ["SELLER_API_UPDATES", false],
    ]);
    expect(list.chats[0]!.lastMessageId).toBe("3000000001280042740");
  });

  it("posting lists (SW26): price as {amount, currency}, rFBS told by tpl_integration_type, FBO substatus", () => {
    const fbs = listFbsPostingsResponseSchema.parse(parseJsonLossless(SW26_FBS_LIST_RESPONSE));
    expect(fbs.postings.map((p) => [p.postingNumber, p.scheme, p.products[0]!.price, p.products[0]!.currencyCode])).toEqual([
      ["0132112277-0101-1", "FBS", "12990.00", "RUB"],
      ["0132112278-0102-1", "rFBS", "2490.00", "RUB"],
    ]);
    expect(fbs.postings[0]!.canCreateChat).toBe(true);
    const fbo = listFboPostingsResponseSchema.parse(parseJsonLossless(SW26_FBO_LIST_RESPONSE));
    expect(fbo.postings[0]).toMatchObject({ scheme: "FBO", substatus: "posting_delivered", products: [{ price: "1890.00", currencyCode: "RUB" }] });
  });
});

describe("the emulator answers in the same shapes (real HTTP)", () => {
  it("takes Ozon's example read request with a bare integer from_message_id (SEED), for one of its chats", async () => {
    const chat = (await emulator.control.state()).chats.find((c) => c.chat_type === "BUYER_SELLER")!;
    const body = SEED_READ_REQUEST.replace("99feb3fc-a474-469f-95d5-268b470cc607", chat.chat_id);
    const reply = await emulator.ozon.raw("/v2/chat/read", body);
    expect(reply.status).toBe(200);
    expect(reply.json).toHaveProperty("unread_count");
  });

  it("/v4/posting/fbs/list and /v3/posting/fbo/list: object prices, delivery_schema fbs, tpl_integration_type, FBO substatus", async () => {
    const filter = { since: new Date(Date.now() - 365 * 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
    const fbs = await emulator.ozon.call("/v4/posting/fbs/list", { filter, limit: 100 });
    expect(fbs.status).toBe(200);
    const fbsPostings = (fbs.json as { postings: Record<string, unknown>[] }).postings;
    expect(fbsPostings.length).toBeGreaterThan(0);
    for (const p of fbsPostings) {
      expect(p.delivery_schema).toBe("fbs");
      expect(["ozon", "non_integrated"]).toContain(p.tpl_integration_type);
      expect(p).not.toHaveProperty("is_rfbs");
      for (const product of p.products as Record<string, unknown>[]) {
        expect(product.price).toEqual({ amount: expect.stringMatching(/^\d+\.\d{2}$/), currency: "RUB" });
        expect(product).not.toHaveProperty("currency_code");
      }
    }
    const fbo = await emulator.ozon.call("/v3/posting/fbo/list", { filter, limit: 100 });
    const fboPostings = (fbo.json as { postings: Record<string, unknown>[] }).postings;
    expect(fboPostings.length).toBeGreaterThan(0);
    for (const p of fboPostings) {
      expect(typeof p.substatus).toBe("string");
      expect((p.products as Record<string, unknown>[])[0]!.price).toEqual({ amount: expect.any(String), currency: "RUB" });
    }
    // The client reads them: every scheme, prices as decimal strings with their currency.
    const conn = emulator.connection();
    const read = [
      ...(await listPostings(conn, { scheme: "FBS", since: filter.since, to: filter.to })).postings,
      ...(await listPostings(conn, { scheme: "FBO", since: filter.since, to: filter.to })).postings,
    ];
    expect(new Set(read.map((p) => p.scheme))).toEqual(new Set(["FBS", "rFBS", "FBO"]));
    for (const p of read) expect(p.products[0]).toMatchObject({ price: expect.stringMatching(/^\d+\.\d{2}$/), currencyCode: "RUB" });
  });

  it("seeds the chat types and authors live Ozon has: an Ozon Select buyer chat, UNSPECIFIED with Crm and Courier, SELLER_API_*", async () => {
    const conn = emulator.connection();
    const { listAllChats } = await import("./list-chats");
    const { getChatHistory } = await import("./get-chat-history");
    const chats = (await listAllChats(conn)).chats;
    const types = new Set(chats.map((c) => c.chatType));
    for (const type of ["BUYER_SELLER_SELECT", "UNSPECIFIED", "SELLER_API_UPDATES", "SELLER_NOTIFICATION_LOGISTICS"]) expect(types).toContain(type);
    expect(chats.find((c) => c.chatType === "BUYER_SELLER_SELECT")!.isBuyerChat).toBe(true);
    const unspecified = chats.find((c) => c.chatType === "UNSPECIFIED")!;
    const authors = new Set((await getChatHistory(conn, { chatId: unspecified.chatId, limit: 50 })).messages.map((m) => m.user.type));
    expect(authors).toEqual(new Set(["crm", "courier"]));
  });

  it("the single-posting get keeps the string price with currency_code", async () => {
    const state = await emulator.control.state();
    const fbs = state.postings.find((p) => p.delivery_schema !== "FBO")!;
    const reply = await emulator.ozon.call("/v3/posting/fbs/get", { posting_number: fbs.posting_number });
    const product = (reply.json as { result: { products: Record<string, unknown>[] } }).result.products[0]!;
    expect(typeof product.price).toBe("string");
    expect(product.currency_code).toBe("RUB");
  });
});
