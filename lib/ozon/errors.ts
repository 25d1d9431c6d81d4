/**
 * The one error type the Ozon client throws.
 *
 * Classification is by HTTP status first, then by Ozon's message text (see docs/ozon-wire-decisions.md and
 * ../shared/ozon-chat-api.md §2). `message` is a user-facing English sentence an agent can act on;
 * `ozonMessage` keeps Ozon's own text for logs. Nothing here may ever contain the Api-Key: every
 * string that reaches this class from outside (Ozon's message, a fetch failure) is redacted first.
 */

export type OzonErrorKind =
  | "bad_credentials"
  | "premium_required"
  | "not_found"
  | "window_closed"
  | "rate_limited"
  | "invalid_input"
  | "server_error"
  | "network"
  | "timeout"
  | "forbidden"
  | "unknown";

/** Which subscription a `premium_required` refusal asks for: Premium Plus/Pro (chats, questions) or the reviews one. */
export type OzonRequiredSubscription = "premium" | "reviews";

/** Ozon's review methods (`/v1/review/…`, `/v2/review/…`) need «Управление отзывами» or Premium Pro, not Premium Plus. */
function isReviewPath(path: string | null | undefined): boolean {
  return !!path && /^\/v\d+\/review\//.test(path);
}

/** Ozon's product-question methods (`/v1/question/…`). */
function isQuestionPath(path: string | null | undefined): boolean {
  return !!path && /^\/v\d+\/question\//.test(path);
}

export type OzonApiErrorInit = {
  kind: OzonErrorKind;
  /** HTTP status, or 0 when no HTTP answer was received (network failure, timeout, validation before the wire). */
  status: number;
  /** Ozon's rpcStatus `code` (gRPC code), when the body carried one. */
  ozonCode?: number | null;
  /** Ozon's rpcStatus `message`, redacted. */
  ozonMessage?: string | null;
  /** The Ozon path called, e.g. "/v1/chat/send/message". */
  path?: string | null;
  retryAfterMs?: number | null;
  /** True when a non-idempotent call (send/start) may or may not have been applied by Ozon. */
  outcomeUnknown?: boolean;
  /** How many attempts were made (1 = no retry). */
  attempts?: number;
  /** Overrides the default user-facing message. */
  message?: string;
  /** Already-sanitised cause (never the raw fetch error: it may carry headers). */
  cause?: unknown;
};

export class OzonApiError extends Error {
  readonly kind: OzonErrorKind;
  readonly status: number;
  readonly ozonCode: number | null;
  readonly ozonMessage: string | null;
  readonly path: string | null;
  readonly retryAfterMs: number | null;
  readonly outcomeUnknown: boolean;
  readonly attempts: number;
  /**
   * For `premium_required`: which subscription the seller lacks — "reviews" (the review-management subscription or
   * Premium Pro) for review methods, "premium" (Premium Plus or Pro) otherwise; null for every other kind.
   */
  readonly requiredSubscription: OzonRequiredSubscription | null;

  constructor(init: OzonApiErrorInit) {
    super(init.message ?? defaultMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.ozonCode = init.ozonCode ?? null;
    this.ozonMessage = init.ozonMessage ?? null;
    this.path = init.path ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
    this.attempts = init.attempts ?? 1;
    this.requiredSubscription = init.kind === "premium_required" ? (isReviewPath(init.path) ? "reviews" : "premium") : null;
  }

  /** Kinds a read may retry. Sends never retry (see request.ts). */
  get retryable(): boolean {
    return (
      this.kind === "rate_limited" || this.kind === "server_error" || this.kind === "network" || this.kind === "timeout"
    );
  }

  toJSON() {
    return {
      name: this.name,
      kind: this.kind,
      status: this.status,
      ozonCode: this.ozonCode,
      ozonMessage: this.ozonMessage,
      path: this.path,
      retryAfterMs: this.retryAfterMs,
      outcomeUnknown: this.outcomeUnknown,
      attempts: this.attempts,
      requiredSubscription: this.requiredSubscription,
      message: this.message,
    };
  }
}

Object.defineProperty(OzonApiError.prototype, "name", { value: "OzonApiError", configurable: true, writable: true });

export function isOzonApiError(e: unknown): e is OzonApiError {
  return e instanceof OzonApiError;
}

/** True when Ozon refused a review method because the seller has neither «Управление отзывами» nor Premium Pro. */
export function isReviewsSubscriptionError(e: unknown): e is OzonApiError {
  return e instanceof OzonApiError && e.requiredSubscription === "reviews";
}

/**
 * Classify an HTTP error answer from Ozon. Status first, then Ozon's message; `path` tells a review method's 403
 * without words (the reviews subscription) apart.
 */
export function classifyOzonError(status: number, ozonMessage: string | null | undefined, path?: string | null): OzonErrorKind {
  const msg = (ozonMessage ?? "").toLowerCase();
  // A deactivated key is a credentials problem whatever status it comes with (status not documented).
  if (msg.includes("api-key is deactivated") || msg.includes("api key is deactivated")) return "bad_credentials";
  if (status === 401) return "bad_credentials";
  if (status === 404) {
    // Live Ozon answers a wrong key with 404 + "Invalid Api-Key, please check the key and try again".
    if (msg.includes("invalid api-key") || msg.includes("invalid api key")) return "bad_credentials";
    return "not_found";
  }
  if (status === 403) {
    if (msg.includes("access period has expired") || msg.includes("only the buyer can start")) return "window_closed";
    if (msg.includes("premium") || msg.includes("subscription")) return "premium_required";
    // [inf] A review method's bare 403 is the subscription (live: code 7 with the key's review role present).
    if (isReviewPath(path) && msg.trim() === "") return "premium_required";
    return "forbidden";
  }
  if (status === 400) {
    // [inf] Ozon answers a malformed Client-Id with 400 "Client-Id header value should be positive integer".
    if (msg.includes("client-id")) return "bad_credentials";
    return "invalid_input";
  }
  if (status === 429) return "rate_limited";
  if (status >= 500 && status <= 599) return "server_error";
  return "unknown";
}

function seconds(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return `${s} second${s === 1 ? "" : "s"}`;
}

const UNKNOWN_OUTCOME =
  " It is not known whether Ozon applied the request: check the chat before sending again.";

function defaultMessage(init: OzonApiErrorInit): string {
  const om = init.ozonMessage ? ` (Ozon: "${init.ozonMessage}")` : "";
  const tail = init.outcomeUnknown ? UNKNOWN_OUTCOME : "";
  const msg = (init.ozonMessage ?? "").toLowerCase();
  switch (init.kind) {
    case "bad_credentials":
      if (msg.includes("deactivated"))
        return `Ozon says this API key is deactivated. Generate a new key in the Ozon seller account and update the connection settings.${om}`;
      return `Ozon rejected the Client-Id or API key. Check both in the connection settings; the key may be wrong, deactivated or expired.${om}`;
    case "premium_required":
      if (isReviewPath(init.path))
        return `Ozon shows reviews only to sellers with the review-management subscription («Управление отзывами») or Premium Pro; this seller account has neither.${om}`;
      if (isQuestionPath(init.path))
        return `Ozon's product questions need a Premium Plus or Premium Pro subscription on the seller account.${om}`;
      return `This Ozon chat method needs a Premium Plus or Premium Pro subscription on the seller account.${om}`;
    case "not_found":
      if (msg.includes("chat")) return `Ozon could not find this chat.${om}`;
      if (msg.includes("posting")) return `Ozon could not find this posting.${om}`;
      if (msg.includes("question")) return `Ozon could not find this question.${om}`;
      if (msg.includes("answer")) return `Ozon could not find this answer.${om}`;
      if (msg.includes("review")) return `Ozon could not find this review.${om}`;
      if (msg.includes("comment")) return `Ozon could not find this comment.${om}`;
      return `Ozon could not find what was asked for.${om}`;
    case "window_closed":
      if (msg.includes("only the buyer"))
        return `Only the buyer can start a chat for an FBO posting; wait for the buyer to write.${om}`;
      return `Ozon no longer allows writing in this chat: the reply or start window has closed (FBO: 48 h after the buyer's last message; FBS/rFBS: 72 h after delivery, then 48 h after the buyer's last message).${om}`;
    case "rate_limited":
      return `Too many requests to Ozon for this account; try again${init.retryAfterMs != null ? ` in ${seconds(init.retryAfterMs)}` : " shortly"}.${om}`;
    case "invalid_input":
      return `Ozon rejected the request as invalid${init.ozonMessage ? `: ${init.ozonMessage}` : ""}.`;
    case "server_error":
      return `Ozon had an internal error (HTTP ${init.status}); try again later.${om}${tail}`;
    case "network":
      return `Could not reach Ozon (network error).${tail}`;
    case "timeout":
      return `Ozon did not answer in time.${tail}`;
    case "forbidden":
      return `Ozon refused access to this method (HTTP ${init.status}); the API key may lack the role, be restricted to other IP addresses, or the offer may not be signed.${om}`;
    case "unknown":
    default:
      return `Unexpected answer from Ozon${init.status ? ` (HTTP ${init.status})` : ""}.${om}${tail}`;
  }
}
