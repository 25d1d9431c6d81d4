/**
 * Wire shapes of chats, messages and postings, shared by the Ozon routes and the control API.
 * Message ids are bigint here; lossless-json writes them as bare JSON numbers (as live Ozon does).
 */
import { startDenial } from "./rules";
import {
  AUTHOR_TYPE,
  Author,
  firstUnreadId,
  lastMessageId,
  MODERATION_NAME,
  messageIsRead,
  type Chat,
  type Posting,
  type Seller,
} from "./state";

export const iso = (ms: number): string => new Date(ms).toISOString();

export function chatListItem(chat: Chat) {
  return {
    chat: { chat_id: chat.chatId, chat_status: chat.status, chat_type: chat.type, created_at: iso(chat.createdAt) },
    first_unread_message_id: firstUnreadId(chat),
    last_message_id: lastMessageId(chat),
    unread_count: chat.unread,
  };
}

export interface MessageJson {
  message_id: bigint;
  user: { id: string; type: string };
  created_at: string;
  is_read: boolean;
  is_image: boolean;
  moderate_image_status?: string;
  data: string[];
  context?: { order_number: string; sku: string };
}

export function messageJson(seller: Seller, chat: Chat, i: number): MessageJson {
  const log = chat.log;
  const author = log.authors[i]!;
  const moderation = MODERATION_NAME[log.moderation[i]!];
  const msg: MessageJson = {
    message_id: log.ids[i]!,
    user: { id: author === Author.Seller ? seller.sellerId : chat.peerId, type: AUTHOR_TYPE[author]! },
    created_at: iso(log.times[i]!),
    is_read: messageIsRead(chat, i),
    is_image: moderation !== undefined,
    data: [log.texts[i]!],
  };
  if (moderation !== undefined) msg.moderate_image_status = moderation;
  if (log.context[i] === 1 && chat.postingNumber) {
    const posting = seller.postings.get(chat.postingNumber);
    if (posting) msg.context = { order_number: posting.order_number, sku: String(posting.products[0]?.sku ?? "") };
  }
  return msg;
}

/** FBS/rFBS status from the posting's times on the emulator clock. */
export function fbsStatus(p: Posting, now: number): { status: string; substatus: string } {
  if (p.cancelled) return { status: "cancelled", substatus: "posting_canceled" };
  if (p.paidAt === null || p.paidAt > now) return { status: "awaiting_approve", substatus: "posting_created" }; // [inf] unpaid
  if (p.deliveredAt !== null && p.deliveredAt <= now) return { status: "delivered", substatus: "posting_delivered" };
  if (p.deliveringAt !== null && p.deliveringAt <= now) return { status: "delivering", substatus: "posting_on_way_to_city" };
  if (now - p.paidAt < 24 * 3_600_000) return { status: "awaiting_packaging", substatus: "posting_created" };
  return { status: "awaiting_deliver", substatus: "posting_created" };
}

/**
 * Where a posting is rendered: Ozon's single-posting methods (`get`: price as a decimal string beside
 * `currency_code`), its list methods (`list`: price as `{amount, currency}`, as Ozon's schema of /v4/posting/fbs/list
 * and /v3/posting/fbo/list gives it), or the control API's state (`state`: as `get`, with our scheme spelled out).
 */
export type PostingWire = "get" | "list" | "state";

function productsJson(p: Posting, wire: PostingWire) {
  return p.products.map((x) =>
    wire === "list"
      ? { sku: x.sku, offer_id: x.offer_id, name: x.name, quantity: x.quantity, price: { amount: x.price, currency: x.currency_code } }
      : { sku: x.sku, offer_id: x.offer_id, name: x.name, quantity: x.quantity, price: x.price, currency_code: x.currency_code },
  );
}

const dateOrNull = (ms: number | null, now: number) => (ms !== null && ms <= now ? iso(ms) : null);

export function fbsPostingJson(p: Posting, now: number, withAnalytics = false, wire: PostingWire = "get") {
  const { status, substatus } = fbsStatus(p, now);
  const canCreateChat = startDenial(p, now) === null;
  return {
    posting_number: p.posting_number,
    order_id: p.order_id,
    order_number: p.order_number,
    status,
    substatus,
    // Live Ozon's v4 list says "fbs" for FBS and rFBS alike; what tells rFBS is the delivery integration:
    // `tpl_integration_type` "ozon" = Ozon delivers (FBS), anything else = the seller's service (rFBS).
    // docs/ozon-wire-decisions.md, "rFBS".
    ...(wire === "state" ? { delivery_schema: p.schema } : wire === "list" ? { delivery_schema: "fbs" } : {}),
    tpl_integration_type: p.schema === "rFBS" ? "non_integrated" : "ozon",
    created_at: iso(p.createdAt),
    in_process_at: dateOrNull(p.paidAt, now),
    shipment_date: iso(p.shipmentDate),
    delivering_date: dateOrNull(p.deliveringAt, now),
    fact_delivery_date: dateOrNull(p.deliveredAt, now),
    tracking_number: "",
    delivery_method:
      p.schema === "rFBS"
        ? { id: 1020000532371000, name: "Доставка силами продавца", warehouse: "Склад продавца, Москва", warehouse_id: 1020000532371 }
        : { id: 22400000001000, name: "Ozon Логистика курьеру, Москва", warehouse: "Основной склад", warehouse_id: 22400000001 },
    products: productsJson(p, wire),
    available_actions: canCreateChat ? ["can_create_chat"] : [],
    analytics_data: withAnalytics
      ? { city: "Москва", region: "Москва", delivery_type: "Courier", is_premium: false, payment_type_group_name: "Карты оплаты", warehouse: "Основной склад", warehouse_id: 22400000001 }
      : null,
    customer: null,
    cancellation: p.cancelled
      ? { cancel_reason: "Покупатель отменил заказ", cancel_reason_id: 402, cancellation_type: "client", cancellation_initiator: "Покупатель", cancelled_after_ship: false, affect_cancellation_rating: false }
      : null,
  };
}

export function fboStatus(p: Posting, now: number): string {
  const s = fbsStatus(p, now).status;
  return s === "awaiting_approve" ? "awaiting_packaging" : s; // FBO postings are paid when they exist
}

export function fboPostingJson(p: Posting, now: number, withAnalytics = false, wire: PostingWire = "get") {
  const status = fboStatus(p, now);
  return {
    order_id: p.order_id,
    order_number: p.order_number,
    posting_number: p.posting_number,
    status,
    // The FBO list has a substatus (Ozon's schema of /v3/posting/fbo/list); the v2 get has none.
    ...(wire === "get" ? {} : { substatus: fbsStatus(p, now).substatus }),
    delivery_schema: "FBO",
    cancel_reason_id: p.cancelled ? 402 : 0,
    created_at: iso(p.createdAt),
    in_process_at: dateOrNull(p.paidAt, now),
    products: productsJson(p, wire).map((x) => ({ ...x, digital_codes: [] as string[], is_marketplace_buyout: false })),
    available_actions: [] as string[],
    analytics_data: withAnalytics
      ? { city: "Санкт-Петербург", delivery_type: "PVZ", is_legal: false, is_premium: false, payment_type_group_name: "Карты оплаты", warehouse_id: 1020000091753000, warehouse_name: "ХОРУГВИНО_РФЦ" }
      : null,
    financial_data: null,
    additional_data: [] as unknown[],
  };
}
