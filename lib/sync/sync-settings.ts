import { DEFAULT_SYNC_MAX_BACKOFF_MS } from "@/lib/env";

/** First retry after a failure; doubles per consecutive failure up to the maximum. */
const DEFAULT_SYNC_BACKOFF_BASE_MS = 5_000;

/** Delay before the next attempt after `failures` consecutive failures (1 = the first). */
export function backoffDelayMs(
  failures: number,
  options: { baseMs?: number; maxMs?: number; retryAfterMs?: number | null } = {},
): number {
  const base = options.baseMs ?? DEFAULT_SYNC_BACKOFF_BASE_MS;
  const max = options.maxMs ?? DEFAULT_SYNC_MAX_BACKOFF_MS;
  const exponential = Math.min(max, base * 2 ** Math.min(30, Math.max(0, failures - 1)));
  // Ozon's Retry-After is a floor: coming back earlier only earns another 429.
  return Math.max(exponential, options.retryAfterMs ?? 0);
}
