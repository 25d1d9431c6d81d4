/**
 * The emulator's control API (not Ozon's): under /__emulator/, no auth, JSON, never rate limited or counted.
 * Tests and the demo use it to reset, inspect and drive the world (buyer messages, payments, deliveries, the
 * clock) and to inject latency and faults. Ids in its answers are decimal strings.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { FEEDBACK_HANDLERS } from "./control-feedback";
import type { Emulator } from "./core";
import { ApiError, badRequest, notFound, MSG } from "./errors";
import { bodyObject, optBool, optId, optNumber, optString, parseJsonLossless, reqString, type JsonObject } from "./input";
import { chatListItem, fboPostingJson, fbsPostingJson, iso, messageJson } from "./render";
import { Prng } from "./prng";
import type { PushConfigPatch } from "./push";
import { chatClosedPush, messageReadPush, newMessagePush, updateMessagePush } from "./push-payloads";
import { readBody, sendJson } from "./server";
import { addChat, appendMessage, Author, DAY, HOUR, idAt, isBuyerChatType, MessageLog, Moderation, openBuyerChat, type Chat, type ModerationCode, type Posting, type Seller } from "./state";
import type { FaultMode } from "./faults";

const FAULT_MODES: readonly FaultMode[] = ["error", "rate_limit", "drop", "timeout_after_apply"];
const MODERATION_BY_NAME: Record<string, ModerationCode> = { SUCCESS: Moderation.SUCCESS, MODERATION: Moderation.MODERATION, FAILED: Moderation.FAILED };

function sellerOf(emulator: Emulator, o: JsonObject | URLSearchParams): Seller {
  const clientId = (o instanceof URLSearchParams ? o.get("client_id") : optString(o, "client_id")) || "demo-client";
  const seller = emulator.seller(clientId);
  if (!seller) throw notFound(`unknown client_id ${clientId}`);
  return seller;
}

function postingJson(p: Posting, now: number) {
  return p.schema === "FBO" ? fboPostingJson(p, now, false, "state") : fbsPostingJson(p, now, false, "state");
}

/** Ids as strings: the control API is for tests, which should not need a lossless parser. */
function stringifyIds<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as T;
}

function stateOf(emulator: Emulator, seller: Seller) {
  const now = emulator.now();
  return stringifyIds({
    now: iso(now),
    clock_offset_ms: emulator.clock.offsetMs,
    seed: emulator.world.seed,
    sellers: [...emulator.world.sellers.values()].map((s) => ({
      client_id: s.clientId,
      api_key: s.apiKey,
      seller_id: s.sellerId,
      company_name: s.companyName,
      subscription: s.subscription,
      total_unread_count: s.totalUnread,
    })),
    postings: [...seller.postings.values()].map((p) => ({ ...postingJson(p, now), chat_id: p.chatId })),
    chats: seller.chats.map((chat) => {
      const item = chatListItem(chat);
      const messages = [];
      for (let i = 0; i < chat.log.length; i++) messages.push(messageJson(seller, chat, i));
      return {
        chat_id: chat.chatId,
        chat_type: chat.type,
        chat_status: chat.status,
        posting_number: chat.postingNumber,
        created_at: item.chat.created_at,
        unread_count: chat.unread,
        first_unread_message_id: item.first_unread_message_id,
        last_message_id: item.last_message_id,
        messages,
      };
    }),
  });
}

/** GET /__emulator/state before JSON (ids still bigint); emulator/testing.ts types its answer from it. */
export type ControlState = ReturnType<typeof stateOf>;

type Handler = (emulator: Emulator, body: JsonObject, query: URLSearchParams) => unknown;

function chatOf(seller: Seller, body: JsonObject): Chat {
  const chat = seller.chatsById.get(reqString(body, "chat_id"));
  if (!chat) throw notFound(MSG.chatNotFound);
  return chat;
}

/** The new message at the end of `chat` goes to the seller's push URL as TYPE_NEW_MESSAGE. */
function pushNewMessage(emulator: Emulator, seller: Seller, chat: Chat): void {
  const i = chat.log.length - 1;
  emulator.push.notify(seller.clientId, newMessagePush(seller, chat, i), iso(chat.log.times[i]!));
}

function nonNegative(value: unknown, label: string): number {
  const n = optNumber({ v: value }, "v");
  if (n === undefined || n < 0) throw badRequest(`${label} must be a number >= 0`);
  return n;
}

/** POST /__emulator/push: fields left out keep their current value. */
function pushPatch(body: JsonObject): PushConfigPatch {
  const patch: PushConfigPatch = {};
  if (body.url !== undefined) {
    if (body.url === null) patch.url = null;
    else {
      const url = reqString(body, "url");
      let parsed: URL | undefined;
      try {
        parsed = new URL(url);
      } catch {
        parsed = undefined;
      }
      if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) throw badRequest("url must be an http(s) URL or null");
      patch.url = url;
    }
  }
  for (const field of ["delay_ms", "jitter_ms", "timeout_ms"] as const) {
    if (body[field] !== undefined && body[field] !== null) patch[field] = nonNegative(body[field], field);
  }
  if (patch.timeout_ms === 0) throw badRequest("timeout_ms must be > 0");
  if (body.drop_rate !== undefined && body.drop_rate !== null) {
    const rate = nonNegative(body.drop_rate, "drop_rate");
    if (rate > 1) throw badRequest("drop_rate must be between 0 and 1");
    patch.drop_rate = rate;
  }
  if (body.drop_next !== undefined && body.drop_next !== null) {
    const n = nonNegative(body.drop_next, "drop_next");
    if (!Number.isInteger(n)) throw badRequest("drop_next must be an integer >= 0");
    patch.drop_next = n;
  }
  if (body.retry_delays_ms !== undefined && body.retry_delays_ms !== null) {
    if (!Array.isArray(body.retry_delays_ms) || body.retry_delays_ms.length > 20) throw badRequest("retry_delays_ms must be an array of at most 20 numbers");
    patch.retry_delays_ms = body.retry_delays_ms.map((v) => nonNegative(v, "retry_delays_ms[]"));
  }
  return patch;
}

const MODERATION_NAMES = "SUCCESS, MODERATION or FAILED";

const HANDLERS: Record<string, Handler> = {
  "GET /__emulator/health": (emulator) => ({ ok: true, now: iso(emulator.now()) }),

  "POST /__emulator/reset": (emulator, body) => {
    const seed = optNumber(body, "seed");
    emulator.reset(seed);
    return { ok: true, seed: emulator.world.seed, now: iso(emulator.now()) };
  },

  "GET /__emulator/state": (emulator, _body, query) => stateOf(emulator, sellerOf(emulator, query)),

  "POST /__emulator/buyer-message": (emulator, body) => {
    const seller = sellerOf(emulator, body);
    const text = reqString(body, "text");
    const isImage = optBool(body, "is_image") ?? false;
    const now = emulator.now();
    const chatId = optString(body, "chat_id");
    const postingNumber = optString(body, "posting_number");
    let chat: Chat | undefined;
    let posting: Posting | undefined;
    if (chatId) {
      chat = seller.chatsById.get(chatId);
      if (!chat) throw notFound(MSG.chatNotFound);
      if (!isBuyerChatType(chat.type)) throw badRequest("chat_id is not a buyer chat");
    } else if (postingNumber) {
      posting = seller.postings.get(postingNumber);
      if (!posting) throw notFound(MSG.postingNotFound);
      // The buyer may always open a chat about their posting (FBO included).
      chat = posting.chatId ? seller.chatsById.get(posting.chatId) : openBuyerChat(emulator.world.seed, seller, posting, now);
    } else throw badRequest("chat_id or posting_number is required");
    if (!chat) throw notFound(MSG.chatNotFound);
    const moderationName = optString(body, "moderate_image_status") ?? "SUCCESS";
    const moderation = isImage ? MODERATION_BY_NAME[moderationName] : Moderation.None;
    if (moderation === undefined) throw badRequest("moderate_image_status must be SUCCESS, MODERATION or FAILED");
    const data = isImage && !text.startsWith("![") ? `![image](${text.startsWith("https://") ? text : `https://cdn.ozon.example/chat/${chat.chatId}/${now.toString(36)}.jpg`})` : text;
    const messageId = appendMessage(seller, chat, now, Author.Customer, data, { moderation, context: chat.postingNumber !== null });
    chat.status = "OPENED"; // [inf] a buyer writing again reopens a closed chat
    emulator.changed();
    pushNewMessage(emulator, seller, chat);
    return { chat_id: chat.chatId, message_id: messageId.toString() };
  },

  /**
   * The seller answers in Ozon's own seller portal (not through the API): the message is the seller's, as
   * `/v1/chat/send/message` would store it, but no reply-window rule is checked [inf: the portal shows its own
   * windows] and nothing is pushed (seller actions push nothing).
   */
  "POST /__emulator/seller-message": (emulator, body) => {
    const seller = sellerOf(emulator, body);
    const chat = chatOf(seller, body);
    const text = reqString(body, "text");
    const messageId = appendMessage(seller, chat, emulator.now(), Author.Seller, text);
    emulator.changed();
    return { chat_id: chat.chatId, message_id: messageId.toString() };
  },

  "POST /__emulator/support-message": (emulator, body) => {
    const seller = sellerOf(emulator, body);
    const text = reqString(body, "text");
    const now = emulator.now();
    const chatId = optString(body, "chat_id");
    let chat: Chat | undefined;
    if (chatId) {
      chat = seller.chatsById.get(chatId);
      if (!chat) throw notFound(MSG.chatNotFound);
    } else {
      chat = seller.chats.find((c) => c.type === "SELLER_SUPPORT" && c.status === "OPENED");
      if (!chat) {
        chat = {
          chatId: new Prng(emulator.world.seed * 53 + seller.chats.length).uuid(),
          type: "SELLER_SUPPORT",
          status: "OPENED",
          createdAt: now,
          postingNumber: null,
          peerId: "ozon_support",
          log: new MessageLog(4),
          readCount: 0,
          unread: 0,
          activity: idAt(seller, now),
        };
        addChat(seller, chat);
      }
    }
    const author = chat.type === "SELLER_SUPPORT" ? Author.Support : isBuyerChatType(chat.type) || chat.type === "UNSPECIFIED" ? Author.Crm : Author.NotificationUser;
    const messageId = appendMessage(seller, chat, now, author, text);
    emulator.changed();
    pushNewMessage(emulator, seller, chat);
    return { chat_id: chat.chatId, message_id: messageId.toString() };
  },

  "POST /__emulator/buyer-read": (emulator, body) => {
    const seller = sellerOf(emulator, body);
    const chat = chatOf(seller, body);
    let last = -1;
    for (let i = chat.log.length - 1; i >= 0 && last < 0; i--) if (chat.log.authors[i] === Author.Seller) last = i;
    if (last < 0) throw badRequest("the chat has no seller message to read");
    // Seller messages already answer is_read: true in history (wire decisions: is_read is the seller's own read
    // state), so reading changes nothing stored; Ozon only tells the seller by push.
    const lastReadId = chat.log.ids[last]!;
    const now = emulator.now();
    emulator.push.notify(seller.clientId, messageReadPush(seller, chat, lastReadId, now), iso(now));
    return { chat_id: chat.chatId, last_read_message_id: lastReadId.toString() };
  },

  "POST /__emulator/close-chat": (emulator, body) => {
    const seller = sellerOf(emulator, body);
    const chat = chatOf(seller, body);
    if (chat.status === "CLOSED") throw badRequest("the chat is already closed");
    chat.status = "CLOSED";
    emulator.changed();
    const now = emulator.now();
    emulator.push.notify(seller.clientId, chatClosedPush(seller, chat), iso(now));
    return { chat_id: chat.chatId, chat_status: chat.status };
  },

  "POST /__emulator/update-message": (emulator, body) => {
    const seller = sellerOf(emulator, body);
    const chat = chatOf(seller, body);
    const messageId = optId(body, "message_id");
    if (messageId === undefined) throw badRequest("message_id is required");
    const i = chat.log.indexOf(messageId);
    if (i < 0) throw notFound("message not found");
    const text = optString(body, "text");
    const moderationName = optString(body, "moderate_image_status");
    if (text === undefined && moderationName === undefined) throw badRequest("text or moderate_image_status is required");
    if (text !== undefined && text.trim() === "") throw badRequest("text must not be blank");
    let moderation: ModerationCode | undefined;
    if (moderationName !== undefined) {
      moderation = MODERATION_BY_NAME[moderationName];
      if (moderation === undefined) throw badRequest(`moderate_image_status must be ${MODERATION_NAMES}`);
      if (chat.log.moderation[i] === Moderation.None) throw badRequest("moderate_image_status applies to images only");
    }
    if (text !== undefined) chat.log.texts[i] = text;
    if (moderation !== undefined) chat.log.moderation[i] = moderation;
    emulator.changed();
    const now = emulator.now();
    emulator.push.notify(seller.clientId, updateMessagePush(seller, chat, i, now), iso(now));
    return stringifyIds(messageJson(seller, chat, i));
  },

  "POST /__emulator/push": (emulator, body) => emulator.push.configure(sellerOf(emulator, body).clientId, pushPatch(body)),
  "GET /__emulator/push": (emulator) => ({ configs: emulator.push.configList() }),

  "POST /__emulator/push/ping": async (emulator, body) => {
    const seller = sellerOf(emulator, body);
    const result = await emulator.push.ping(seller.clientId, iso(emulator.now()));
    if (!result) throw badRequest(`no push url is configured for ${seller.clientId}`);
    return result;
  },

  "GET /__emulator/pushes": (emulator, _body, query) => ({ pushes: emulator.push.pushes(query.get("client_id") || undefined) }),
  "DELETE /__emulator/pushes": (emulator) => {
    emulator.push.clearLog();
    return { ok: true };
  },
  "GET /__emulator/pushes/wait": async (emulator, _body, query) => {
    const count = Number(query.get("count") ?? "1");
    const timeoutMs = Number(query.get("timeout_ms") ?? "10000");
    if (!Number.isInteger(count) || count < 0) throw badRequest("count must be an integer >= 0");
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0 || timeoutMs > 120_000) throw badRequest("timeout_ms must be between 0 and 120000");
    const clientId = query.get("client_id") || undefined;
    const done = await emulator.push.waitSettled(count, timeoutMs, clientId);
    return { done, pushes: emulator.push.pushes(clientId) };
  },

  "POST /__emulator/postings/pay": (emulator, body) => {
    const seller = sellerOf(emulator, body);
    const posting = seller.postings.get(reqString(body, "posting_number"));
    if (!posting) throw notFound(MSG.postingNotFound);
    const now = emulator.now();
    posting.paidAt = now;
    posting.shipmentDate = now + 2 * DAY;
    emulator.changed();
    return postingJson(posting, now);
  },

  "POST /__emulator/postings/deliver": (emulator, body) => {
    const seller = sellerOf(emulator, body);
    const posting = seller.postings.get(reqString(body, "posting_number"));
    if (!posting) throw notFound(MSG.postingNotFound);
    const now = emulator.now();
    if (posting.paidAt === null || posting.paidAt > now) posting.paidAt = now;
    if (posting.deliveringAt === null || posting.deliveringAt > now) posting.deliveringAt = now;
    posting.deliveredAt = now;
    emulator.changed();
    return postingJson(posting, now);
  },

  "POST /__emulator/clock/advance": (emulator, body) => {
    const ms = (optNumber(body, "hours") ?? 0) * HOUR + (optNumber(body, "minutes") ?? 0) * 60_000 + (optNumber(body, "ms") ?? 0);
    // Only forward: message ids follow the clock and must keep increasing.
    if (ms < 0) throw badRequest("the clock only moves forward");
    const now = emulator.clock.advance(ms);
    emulator.changed();
    return { now: iso(now), offset_ms: emulator.clock.offsetMs };
  },

  "POST /__emulator/latency": (emulator, body) => {
    const ms = optNumber(body, "ms") ?? 0;
    const jitterMs = optNumber(body, "jitter_ms") ?? 0;
    if (ms < 0 || jitterMs < 0) throw badRequest("ms and jitter_ms must be >= 0");
    emulator.latency = { ms, jitterMs };
    return { ms, jitter_ms: jitterMs };
  },

  "POST /__emulator/faults": (emulator, body) => {
    const mode = reqString(body, "mode") as FaultMode;
    if (!FAULT_MODES.includes(mode)) throw badRequest(`mode must be one of ${FAULT_MODES.join(", ")}`);
    const status = optNumber(body, "status") ?? (mode === "rate_limit" ? 429 : 500);
    if (!Number.isInteger(status) || status < 400 || status > 599) throw badRequest("status must be an HTTP error status");
    const rate = optNumber(body, "rate") ?? 1;
    if (rate < 0 || rate > 1) throw badRequest("rate must be between 0 and 1");
    const count = optNumber(body, "count");
    if (count !== undefined && (!Number.isInteger(count) || count < 1)) throw badRequest("count must be a positive integer");
    const fault = emulator.faults.add({
      path: optString(body, "path"),
      client_id: optString(body, "client_id"),
      mode,
      status,
      rate,
      count,
      retry_after_seconds: Math.max(1, Math.ceil(optNumber(body, "retry_after_seconds") ?? 1)),
      delay_ms: optNumber(body, "delay_ms"),
    });
    return { id: fault.id };
  },
  "GET /__emulator/faults": (emulator) => ({ faults: emulator.faults.list() }),
  "DELETE /__emulator/faults": (emulator) => {
    emulator.faults.clear();
    return { ok: true };
  },

  ...FEEDBACK_HANDLERS,

  "GET /__emulator/calls": (emulator) => emulator.calls,
  "DELETE /__emulator/calls": (emulator) => {
    emulator.resetCalls();
    return { ok: true };
  },
};

export async function handleControl(emulator: Emulator, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const raw = await readBody(req);
  const handler = HANDLERS[`${req.method ?? "GET"} ${path.replace(/\/+$/, "")}`];
  try {
    if (!handler) throw new ApiError(404, 5, MSG.pathNotFound);
    let body: JsonObject = {};
    if (raw.text.trim() !== "") {
      try {
        body = bodyObject(parseJsonLossless(raw.text));
      } catch (err) {
        throw err instanceof ApiError ? err : badRequest(MSG.invalidJson);
      }
    }
    const query = new URL(req.url ?? "/", "http://localhost").searchParams;
    sendJson(res, 200, await handler(emulator, body, query));
  } catch (err) {
    if (err instanceof ApiError) sendJson(res, err.httpStatus, err.body());
    else throw err;
  }
}
