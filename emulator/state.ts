/**
 * The emulator's model: sellers, their postings and chats, the message logs, and the clock.
 *
 * Benchmarks build shops of 50 000 chats x 40 messages, so messages are not objects: each chat keeps a
 * column-oriented MessageLog (typed arrays, grown by doubling) sorted by id. Ids come from one counter per
 * seller that follows the clock, so they increase with time across the whole seller and appending keeps
 * every log sorted.
 */
import { emptyFeedback, type SellerFeedback } from "./feedback";
import { Prng } from "./prng";

export type DeliverySchema = "FBO" | "FBS" | "rFBS";
export type ChatType =
  | "BUYER_SELLER"
  /** A buyer chat about an Ozon Select order: a buyer chat in every respect. */
  | "BUYER_SELLER_SELECT"
  | "SELLER_SUPPORT"
  | "SELLER_NOTIFICATION_LOGISTICS"
  | "SELLER_NOTIFICATION_UPDATE_CONTENT"
  | "SELLER_API_UPDATES"
  | "SELLER_API_NOTIFICATIONS"
  /** Live Ozon lists chats of this type (system messages from Ozon's CRM and couriers) [1: FR, ozon-chat-api.md §3.2]. */
  | "UNSPECIFIED";

/** The chats with a buyer: BUYER_SELLER and BUYER_SELLER_SELECT. */
export function isBuyerChatType(type: ChatType): boolean {
  return type === "BUYER_SELLER" || type === "BUYER_SELLER_SELECT";
}
export type ChatStatus = "OPENED" | "CLOSED";
export type Subscription = "PREMIUM_PLUS" | "PREMIUM_PRO" | "PREMIUM" | "UNKNOWN";

/** Message authors, stored as one byte per message. */
export const Author = {
  Customer: 0,
  /** A buyer written as "Сustomer" with a Cyrillic С (U+0421), as in Ozon's own examples. */
  CustomerCyrillic: 1,
  Seller: 2,
  Support: 3,
  NotificationUser: 4,
  Crm: 5,
  Courier: 6,
} as const;
export type AuthorCode = (typeof Author)[keyof typeof Author];
export const AUTHOR_TYPE: readonly string[] = ["Customer", "\u0421ustomer", "Seller", "Support", "NotificationUser", "Crm", "Courier"];

/** Image moderation, one byte per message; 0 = not an image. */
export const Moderation = { None: 0, SUCCESS: 1, MODERATION: 2, FAILED: 3 } as const;
export type ModerationCode = (typeof Moderation)[keyof typeof Moderation];
export const MODERATION_NAME: readonly (string | undefined)[] = [undefined, "SUCCESS", "MODERATION", "FAILED"];

const ID_BASE = 3_000_000_000_000_000_000n;
/** Id = ID_BASE + (ms since the seller's anchor) * ID_SLOTS_PER_MS + slot: room for 2^20 ids per millisecond. */
const ID_SLOTS_PER_MS = 1n << 20n;

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface Product {
  sku: number;
  offer_id: string;
  name: string;
  quantity: number;
  price: string;
  currency_code: "RUB";
}

export interface Posting {
  posting_number: string;
  order_id: number;
  order_number: string;
  schema: DeliverySchema;
  createdAt: number;
  /** Payment time (`in_process_at`); null = awaiting payment. */
  paidAt: number | null;
  shipmentDate: number;
  /** Handed to delivery; null before. */
  deliveringAt: number | null;
  /** Delivered to the buyer; null before. */
  deliveredAt: number | null;
  cancelled: boolean;
  products: Product[];
  buyerId: string;
  chatId: string | null;
}

/** Whether a message is read depends on its author and the chat's read mark, see Chat.readCount. */
export class MessageLog {
  ids: BigUint64Array;
  times: Float64Array;
  authors: Uint8Array;
  moderation: Uint8Array;
  /** 1 = the message carries context {order_number, sku} of the chat's posting. */
  context: Uint8Array;
  texts: string[];
  length = 0;

  constructor(capacity = 4) {
    const c = Math.max(1, capacity);
    this.ids = new BigUint64Array(c);
    this.times = new Float64Array(c);
    this.authors = new Uint8Array(c);
    this.moderation = new Uint8Array(c);
    this.context = new Uint8Array(c);
    this.texts = [];
  }

  push(id: bigint, time: number, author: AuthorCode, text: string, moderation: ModerationCode = 0, context = false): number {
    if (this.length > 0 && id <= this.ids[this.length - 1]!) throw new Error("message ids must increase");
    if (this.length === this.ids.length) this.grow(this.length * 2);
    const i = this.length++;
    this.ids[i] = id;
    this.times[i] = time;
    this.authors[i] = author;
    this.moderation[i] = moderation;
    this.context[i] = context ? 1 : 0;
    this.texts[i] = text;
    return i;
  }

  private grow(capacity: number): void {
    const grow = <T extends BigUint64Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a as never);
      return b;
    };
    this.ids = grow(this.ids, (n) => new BigUint64Array(n));
    this.times = grow(this.times, (n) => new Float64Array(n));
    this.authors = grow(this.authors, (n) => new Uint8Array(n));
    this.moderation = grow(this.moderation, (n) => new Uint8Array(n));
    this.context = grow(this.context, (n) => new Uint8Array(n));
  }

  /** Index of the last message with id <= `id`, or -1. */
  lastAtOrBefore(id: bigint): number {
    let lo = 0;
    let hi = this.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.ids[mid]! <= id) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Index of the first message with id >= `id`, or `length`. */
  firstAtOrAfter(id: bigint): number {
    const i = this.lastAtOrBefore(id);
    return i >= 0 && this.ids[i] === id ? i : i + 1;
  }

  indexOf(id: bigint): number {
    const i = this.lastAtOrBefore(id);
    return i >= 0 && this.ids[i] === id ? i : -1;
  }
}

export interface Chat {
  chatId: string;
  type: ChatType;
  status: ChatStatus;
  createdAt: number;
  postingNumber: string | null;
  /** Buyer user id for buyer chats; the id of the Ozon user on the other side otherwise. */
  peerId: string;
  log: MessageLog;
  /**
   * Read mark: messages at indices < readCount are read by the seller. Reads only ever move this mark forward
   * (/v2/chat/read marks a message and all before it), so one number per chat is the whole read state.
   * Seller messages always count as read.
   */
  readCount: number;
  /** Cached count of unread non-seller messages (index >= readCount). */
  unread: number;
  /** Sort key for /v3/chat/list: last message id, or a pseudo id of the creation time for an empty chat. */
  activity: bigint;
}

export interface Seller {
  clientId: string;
  apiKey: string;
  /** Numeric Ozon seller id, used as the user id of the seller's own messages. */
  sellerId: string;
  companyName: string;
  subscription: Subscription;
  /** ms epoch that message ids count from (see idAt). */
  anchor: number;
  lastMessageId: bigint;
  chats: Chat[];
  chatsById: Map<string, Chat>;
  postings: Map<string, Posting>;
  totalUnread: number;
  /** Chats sorted for /v3/chat/list; null when a change invalidated it. */
  sortedChats: Chat[] | null;
  /** Product questions, reviews and the product cards they are about (feedback.ts). */
  feedback: SellerFeedback;
}

function isSellerAuthor(author: number): boolean {
  return author === Author.Seller;
}

export function messageIsRead(chat: Chat, i: number): boolean {
  return isSellerAuthor(chat.log.authors[i]!) || i < chat.readCount;
}

export function countUnread(chat: Chat): number {
  let n = 0;
  for (let i = chat.readCount; i < chat.log.length; i++) if (!isSellerAuthor(chat.log.authors[i]!)) n++;
  return n;
}

export function firstUnreadId(chat: Chat): bigint {
  for (let i = chat.readCount; i < chat.log.length; i++) if (!isSellerAuthor(chat.log.authors[i]!)) return chat.log.ids[i]!;
  return 0n;
}

export function lastMessageId(chat: Chat): bigint {
  return chat.log.length > 0 ? chat.log.ids[chat.log.length - 1]! : 0n;
}

/** The id slot for a time: monotone in time, so ids increase with time across the seller. */
export function idAt(seller: Seller, time: number, slot = 0): bigint {
  const ms = BigInt(Math.max(0, Math.floor(time - seller.anchor)));
  return ID_BASE + ms * ID_SLOTS_PER_MS + BigInt(slot);
}

export function newSeller(init: Omit<Seller, "lastMessageId" | "chats" | "chatsById" | "postings" | "totalUnread" | "sortedChats" | "feedback">): Seller {
  return { ...init, lastMessageId: 0n, chats: [], chatsById: new Map(), postings: new Map(), totalUnread: 0, sortedChats: null, feedback: emptyFeedback() };
}

export function addChat(seller: Seller, chat: Chat): void {
  seller.chats.push(chat);
  seller.chatsById.set(chat.chatId, chat);
  seller.totalUnread += chat.unread;
  if (chat.log.length > 0) {
    const last = lastMessageId(chat);
    if (last > seller.lastMessageId) seller.lastMessageId = last;
  }
  seller.sortedChats = null;
}

/**
 * Opens the buyer chat of a posting (Ozon's /v1/chat/start, or a buyer writing about a posting). The chat id is
 * derived from the seed and the posting, so a replay of the same calls gives the same ids.
 */
export function openBuyerChat(seed: number, seller: Seller, posting: Posting, now: number): Chat {
  const chat: Chat = {
    chatId: new Prng(seed * 31 + seller.chats.length * 7 + posting.order_id).uuid(),
    type: "BUYER_SELLER",
    status: "OPENED",
    createdAt: now,
    postingNumber: posting.posting_number,
    peerId: posting.buyerId,
    log: new MessageLog(4),
    readCount: 0,
    unread: 0,
    activity: idAt(seller, now),
  };
  posting.chatId = chat.chatId;
  addChat(seller, chat);
  return chat;
}

/** Appends a live message (seller reply, buyer message, support message) at the clock's now. */
export function appendMessage(
  seller: Seller,
  chat: Chat,
  now: number,
  author: AuthorCode,
  text: string,
  opts: { moderation?: ModerationCode; context?: boolean } = {},
): bigint {
  let id = idAt(seller, now);
  if (id <= seller.lastMessageId) id = seller.lastMessageId + 1n;
  seller.lastMessageId = id;
  chat.log.push(id, now, author, text, opts.moderation ?? 0, opts.context ?? false);
  if (!isSellerAuthor(author)) {
    chat.unread++;
    seller.totalUnread++;
  }
  chat.activity = id;
  seller.sortedChats = null;
  return id;
}

/** /v2/chat/read: marks `upTo` and every earlier message read; without `upTo` marks all [inf]. */
export function markRead(seller: Seller, chat: Chat, upTo?: bigint): number {
  const through = upTo === undefined ? chat.log.length - 1 : chat.log.lastAtOrBefore(upTo);
  if (through + 1 > chat.readCount) {
    chat.readCount = through + 1;
    const unread = countUnread(chat);
    seller.totalUnread += unread - chat.unread;
    chat.unread = unread;
  }
  return chat.unread;
}

/** The emulator's clock: real time plus an offset that /__emulator/clock/advance moves forward. */
export class Clock {
  offsetMs = 0;
  now(): number {
    return Date.now() + this.offsetMs;
  }
  advance(ms: number): number {
    this.offsetMs += ms;
    return this.now();
  }
}

export interface World {
  seed: number;
  /** Real time when the world was seeded; seeded timestamps are relative to it. */
  seededAt: number;
  sellers: Map<string, Seller>;
}

/** Chats in /v3/chat/list order: by last activity, newest first [inf]; ties by chat_id. */
export function sortedChats(seller: Seller): Chat[] {
  if (!seller.sortedChats) {
    seller.sortedChats = [...seller.chats].sort(compareChats);
  }
  return seller.sortedChats;
}

export function compareChats(a: { activity: bigint; chatId: string }, b: { activity: bigint; chatId: string }): number {
  if (a.activity !== b.activity) return a.activity > b.activity ? -1 : 1;
  return a.chatId < b.chatId ? -1 : a.chatId > b.chatId ? 1 : 0;
}

/** Sort key of a chat for /v3/chat/list. */
function chatActivity(seller: Seller, chat: Chat): bigint {
  return chat.log.length > 0 ? lastMessageId(chat) : idAt(seller, chat.createdAt);
}

/** Recomputes the cached per-chat and per-seller numbers (after loading a snapshot). */
export function refreshDerived(seller: Seller): void {
  seller.totalUnread = 0;
  for (const chat of seller.chats) {
    chat.unread = countUnread(chat);
    chat.activity = chatActivity(seller, chat);
    seller.totalUnread += chat.unread;
    const last = lastMessageId(chat);
    if (last > seller.lastMessageId) seller.lastMessageId = last;
  }
  seller.sortedChats = null;
}
