/**
 * The one error type a route handler answers with. `code` is stable for the UI to act on; `message` is
 * written for a support agent, never a stack trace or an upstream secret.
 */
export type ApiErrorCode =
  | "invalid_input"
  | "payload_too_large"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "not_configured"
  | "window_closed"
  | "rate_limited"
  | "ozon_bad_credentials"
  | "ozon_premium_required"
  | "ozon_access_denied"
  | "ozon_unavailable"
  | "outcome_unknown"
  | "internal";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type ApiErrorBody = { error: { code: ApiErrorCode; message: string } };
