/**
 * The one test client of the emulator, for its own tests and the app's: an in-process emulator on a free port, its
 * control API (README "Control API") as typed methods, and a bare Ozon-API caller that adds none of a real client's
 * checks. Free of vitest, so scripts may use it too; `with-test-emulator.ts` adds the vitest hooks.
 */
import { isSafeNumber, parse } from "lossless-json";
import type { ControlState } from "./control";
import type { FeedbackState } from "./control-feedback";
import type { CallCounts } from "./core";
import type { Fault, FaultMode } from "./faults";
import type { PingResult, PushConfig, PushRecord } from "./push";
import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from "./index";

export type SellerCredentials = { readonly clientId: string; readonly apiKey: string };

/** The Premium Plus seller with the demo shop. */
export const DEMO = { clientId: "demo-client", apiKey: "demo-api-key" } as const satisfies SellerCredentials;
/** The seller without a subscription: every chat method answers 403. */
export const BASIC = { clientId: "basic-client", apiKey: "basic-api-key" } as const satisfies SellerCredentials;
/** The plain Premium seller: lists every chat and reads support and system chats, but no buyer chat (403). */
export const PREMIUM = { clientId: "premium-client", apiKey: "premium-api-key" } as const satisfies SellerCredentials;

/**
 * A value as the control API writes it: bigint ids become decimal strings; string enums stay open strings (what a
 * test compares them with may be a value only live Ozon sends).
 */
type Written<T> = T extends bigint | string
  ? string
  : T extends readonly (infer U)[]
    ? Written<U>[]
    : T extends object
      ? { [K in keyof T]: Written<T[K]> }
      : T;

/** GET /__emulator/state, typed from what the control API builds, so the two cannot drift apart. */
export type EmulatorState = Written<ControlState>;
export type EmulatorChat = EmulatorState["chats"][number];
export type EmulatorMessage = EmulatorChat["messages"][number];
export type EmulatorPosting = EmulatorState["postings"][number];
export type EmulatorCalls = CallCounts;
/** GET /__emulator/feedback: a seller's questions (with every answer) and reviews (with every comment). */
export type EmulatorFeedback = Written<FeedbackState>;
export type EmulatorQuestion = EmulatorFeedback["questions"][number];
export type EmulatorAnswer = EmulatorQuestion["answers"][number];
export type EmulatorReview = EmulatorFeedback["reviews"][number];
export type EmulatorComment = EmulatorReview["comments"][number];
export type Publication = "PUBLISHED" | "MODERATION" | "REJECTED";
/** POST /__emulator/faults: which requests a fault hits and how (README "Fault modes"). */
export type FaultSpec = Partial<Omit<Fault, "id" | "mode">> & { mode: FaultMode };
export type ChatMessageRef = { chat_id: string; message_id: string };
export type { PingResult, PushAttempt, PushConfig, PushRecord } from "./push";
/** POST /__emulator/push: fields left out keep their value; `url: null` turns pushes off. */
export type PushConfigUpdate = Partial<Omit<PushConfig, "client_id">> & { client_id?: string };

/** An emulator's base URL, or a getter for one that is started later (a test file's hooks). */
export type EmulatorUrl = string | (() => string);

const urlOf = (url: EmulatorUrl) => (typeof url === "string" ? url : url());

/** The control API (`/__emulator/…`) of the emulator at `url`; a non-2xx answer throws with its body. */
export function emulatorControl(url: EmulatorUrl) {
  async function request<T = unknown>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${urlOf(url)}/__emulator/${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /__emulator/${path} -> ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const sellerQuery = (clientId: string) => `client_id=${encodeURIComponent(clientId)}`;
  return {
    /** Any control call, for the emulator's own tests of the control API. */
    request,
    health: () => request<{ ok: true; now: string }>("GET", "health"),
    /** Back to the seeded state (the current seed unless given); clears faults, latency, call counts and the clock. */
    reset: (seed?: number) => request<{ ok: true; seed: number; now: string }>("POST", "reset", seed === undefined ? {} : { seed }),
    state: (clientId: string = DEMO.clientId) => request<EmulatorState>("GET", `state?${sellerQuery(clientId)}`),
    /** Ozon-API calls counted since the last reset (control calls are never counted). */
    calls: () => request<EmulatorCalls>("GET", "calls"),
    resetCalls: () => request<{ ok: true }>("DELETE", "calls"),
    /** A buyer writes: to a chat, or about a posting (its chat is created if needed). */
    buyerMessage: (message: {
      client_id?: string;
      chat_id?: string;
      posting_number?: string;
      text: string;
      is_image?: boolean;
      moderate_image_status?: "SUCCESS" | "MODERATION" | "FAILED";
    }) => request<ChatMessageRef>("POST", "buyer-message", message),
    /** The seller answers in Ozon's seller portal (not through the API): a seller message no agent of ours sent. */
    sellerMessage: (message: { client_id?: string; chat_id: string; text: string }) =>
      request<ChatMessageRef>("POST", "seller-message", message),
    /** Ozon's support writes: to a chat, or to the first open support chat. */
    supportMessage: (message: { client_id?: string; chat_id?: string; text: string }) =>
      request<ChatMessageRef>("POST", "support-message", message),
    pay: (postingNumber: string, clientId: string = DEMO.clientId) =>
      request<EmulatorPosting>("POST", "postings/pay", { client_id: clientId, posting_number: postingNumber }),
    deliver: (postingNumber: string, clientId: string = DEMO.clientId) =>
      request<EmulatorPosting>("POST", "postings/deliver", { client_id: clientId, posting_number: postingNumber }),
    /** Moves the emulator's clock forward (only forward: message ids follow it). */
    advanceClock: (by: { hours?: number; minutes?: number; ms?: number }) =>
      request<{ now: string; offset_ms: number }>("POST", "clock/advance", by),
    /** A delay before every Ozon-API answer. */
    setLatency: (ms: number, jitterMs = 0) => request<{ ms: number; jitter_ms: number }>("POST", "latency", { ms, jitter_ms: jitterMs }),
    addFault: (fault: FaultSpec) => request<{ id: string }>("POST", "faults", fault),
    /** The active faults, with their remaining `count`. */
    faults: () => request<{ faults: Fault[] }>("GET", "faults"),
    clearFaults: () => request<{ ok: true }>("DELETE", "faults"),
    /** The buyer reads the chat: TYPE_MESSAGE_READ for the newest seller message. */
    buyerRead: (chatId: string, clientId: string = DEMO.clientId) =>
      request<{ chat_id: string; last_read_message_id: string }>("POST", "buyer-read", { client_id: clientId, chat_id: chatId }),
    /** The buyer (or support, in a support chat) closes the chat: TYPE_CHAT_CLOSED. */
    closeChat: (chatId: string, clientId: string = DEMO.clientId) =>
      request<{ chat_id: string; chat_status: "CLOSED" }>("POST", "close-chat", { client_id: clientId, chat_id: chatId }),
    /** Ozon changes a stored message (text, image moderation): TYPE_UPDATE_MESSAGE. Answers the message as history shows it. */
    updateMessage: (update: {
      client_id?: string;
      chat_id: string;
      message_id: string;
      text?: string;
      moderate_image_status?: "SUCCESS" | "MODERATION" | "FAILED";
    }) => request<EmulatorMessage>("POST", "update-message", update),
    /** The seller's questions and reviews as they are, every answer and comment included. */
    feedback: (clientId: string = DEMO.clientId) => request<EmulatorFeedback>("GET", `feedback?${sellerQuery(clientId)}`),
    /** The seller's subscriptions: `review_management: false` makes the review methods answer 403 (Premium Pro aside). */
    sellerSettings: (settings: { client_id?: string; review_management?: boolean; subscription?: "PREMIUM_PLUS" | "PREMIUM_PRO" | "PREMIUM" | "UNKNOWN" }) =>
      request<{ client_id: string; subscription: string; review_management: boolean }>("POST", "seller-settings", settings),
    /** A buyer asks about a product (the catalog's first SKU unless `sku`): a NEW question, answered as /v1/question/info would. */
    buyerQuestion: (question: { client_id?: string; sku?: number; text: string; author_name?: string }) =>
      request<Omit<EmulatorQuestion, "answers">>("POST", "buyer-question", question),
    /** Someone answers a question: another buyer (default) or the seller in Ozon's portal (`by: "seller"`). */
    questionAnswer: (answer: { client_id?: string; question_id: string; text: string; by?: "buyer" | "seller"; author_name?: string; publication?: Publication }) =>
      request<Omit<EmulatorAnswer, "by_seller">>("POST", "question-answer", answer),
    /** A buyer reviews a product: a NEW review, answered as /v2/review/info would. */
    buyerReview: (review: { client_id?: string; sku?: number; text?: string; rating?: number; photos?: number; order_status?: "DELIVERED" | "CANCELLED" }) =>
      request<Omit<EmulatorReview, "comments">>("POST", "buyer-review", review),
    /** Someone comments on a review: a buyer (default), the seller in Ozon's portal, or Ozon. */
    reviewComment: (comment: { client_id?: string; review_id: string; text: string; by?: "buyer" | "seller" | "ozon"; parent_comment_id?: string; publication?: Publication }) =>
      request<EmulatorComment>("POST", "review-comment", comment),
    /** Ozon's moderation decides on an answer or a comment. */
    moderate: (decision: { client_id?: string; answer_id?: string; comment_id?: string; publication: Publication; reason?: string }) =>
      request<unknown>("POST", "moderate", decision),
    /** Where and how Ozon pushes for a client (demo-client unless `client_id`); answers the whole config. */
    configurePush: (config: PushConfigUpdate) => request<PushConfig>("POST", "push", config),
    pushConfigs: () => request<{ configs: PushConfig[] }>("GET", "push"),
    /** Ozon's "Проверить": one TYPE_PING, and what the receiver answered. */
    pingPush: (clientId: string = DEMO.clientId) => request<PingResult>("POST", "push/ping", { client_id: clientId }),
    /** The push log (every attempt), oldest first; all clients unless `clientId`. */
    pushes: async (clientId?: string) =>
      (await request<{ pushes: PushRecord[] }>("GET", `pushes${clientId ? `?${sellerQuery(clientId)}` : ""}`)).pushes,
    clearPushes: () => request<{ ok: true }>("DELETE", "pushes"),
    /** Waits until `count` pushes have settled (delivered, dropped or out of retries); `done` false on timeout. */
    waitForPushes: (count: number, options: { timeoutMs?: number; clientId?: string } = {}) =>
      request<{ done: boolean; pushes: PushRecord[] }>(
        "GET",
        `pushes/wait?count=${count}&timeout_ms=${options.timeoutMs ?? 10_000}${options.clientId ? `&${sellerQuery(options.clientId)}` : ""}`,
      ),
  };
}

export type EmulatorControl = ReturnType<typeof emulatorControl>;

export interface OzonReply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body (undefined if it is not JSON); integers beyond 2^53 stay decimal strings. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** Parses JSON; integers beyond 2^53 stay decimal strings. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function parseLossless(text: string): any {
  return parse(text, null, (s) => (isSafeNumber(s) ? Number(s) : s));
}

export function ozonHeaders(seller: SellerCredentials): Record<string, string> {
  return { "Client-Id": seller.clientId, "Api-Key": seller.apiKey };
}

/**
 * Ozon's methods on the emulator at `url`, as bare HTTP: to see what the emulator itself answers to a body or headers
 * a real client would never send. Headers default to the demo seller's.
 */
export function ozonWire(url: EmulatorUrl) {
  async function raw(path: string, body: string, headers: Record<string, string> = ozonHeaders(DEMO)): Promise<OzonReply> {
    const response = await fetch(urlOf(url) + path, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body });
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text ? parseLossless(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }
  return {
    /** `body` is sent as it is: for bodies that are not JSON, or ids written as bare numbers. */
    raw,
    call: (path: string, body: unknown = {}, headers?: Record<string, string>) => raw(path, JSON.stringify(body), headers),
  };
}

export type OzonWire = ReturnType<typeof ozonWire>;

export type TestEmulator = RunningEmulator & { control: EmulatorControl; ozon: OzonWire };

/** The emulator in this process on a free port, quiet, seed 1 unless `options` say otherwise. */
export async function startTestEmulator(options: StartEmulatorOptions = {}): Promise<TestEmulator> {
  const running = await startEmulator({ port: 0, seed: 1, quiet: true, ...options });
  return { ...running, control: emulatorControl(running.url), ozon: ozonWire(running.url) };
}
