import type { OzonApiError } from "./errors";

export type OzonRetryOptions = {
  /** Total attempts including the first (default 4). 1 disables retries. */
  maxAttempts?: number;
  /** Base of the exponential backoff in ms (default 300): attempt n waits random(0, min(maxDelayMs, base * 2^(n-1))). */
  baseDelayMs?: number;
  /** Cap of one backoff delay in ms (default 8000). */
  maxDelayMs?: number;
  /**
   * A 429's Retry-After longer than this (ms, default 30000) is not waited for: the error is thrown
   * at once with `retryAfterMs` so the caller can schedule the work later.
   */
  maxRetryAfterMs?: number;
  /** Random source for the full jitter, [0, 1). Tests may pin it. */
  random?: () => number;
};

export type OzonRetryInfo = {
  path: string;
  /** The attempt that just failed (1-based). */
  attempt: number;
  /** How long the client waits before the next attempt. */
  delayMs: number;
  error: OzonApiError;
};

export type OzonConnection = {
  /** e.g. "https://api-seller.ozon.ru" or the emulator's URL; no trailing path. */
  baseUrl: string;
  clientId: string;
  /** Secret. Never logged, never put in an error. */
  apiKey: string;
  /** Per-attempt timeout in ms (default 10000). */
  timeoutMs?: number;
  /** fetch implementation (default globalThis.fetch). */
  fetch?: typeof fetch;
  /** The per-account rate limiter (a later issue plugs it in); awaited before every attempt, retries included. */
  limiter?: { acquire(): Promise<void> };
  retry?: OzonRetryOptions;
  /** Called before each retry wait (for logs/metrics). Must not throw. */
  onRetry?: (info: OzonRetryInfo) => void;
};

/** Optional per-call options. */
export type OzonCallOptions = {
  /** Aborts the call (and any retry wait). An abort by this signal is thrown as kind "timeout". */
  signal?: AbortSignal;
};
