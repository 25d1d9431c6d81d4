import { getEnv } from "@/lib/env";

export type OzonLimiter = { acquire(): Promise<void> };

/**
 * A token bucket that hands out one request per token, `ratePerSecond` tokens a second. Callers reserve in arrival
 * order: a caller that finds the bucket empty takes a token on credit and waits until it would have been refilled.
 * The bucket holds at most a tenth of a second's tokens, so that no sliding second — the way Ozon counts — sees more
 * than `ratePerSecond` plus that small burst.
 */
export function createTokenBucket(ratePerSecond: number, now: () => number = () => performance.now()): OzonLimiter {
  const capacity = Math.max(1, Math.ceil(ratePerSecond / 10));
  let tokens = capacity;
  let last = now();
  return {
    acquire() {
      const current = now();
      tokens = Math.min(capacity, tokens + ((current - last) / 1000) * ratePerSecond);
      last = current;
      tokens -= 1;
      if (tokens >= 0) return Promise.resolve();
      const waitMs = (-tokens / ratePerSecond) * 1000;
      return new Promise((resolve) => setTimeout(resolve, waitMs));
    },
  };
}

const globalForLimiters = globalThis as typeof globalThis & { __sellerInboxOzonLimiters?: Map<string, OzonLimiter> };
const limiters = (globalForLimiters.__sellerInboxOzonLimiters ??= new Map());

/**
 * The one limiter of an Ozon Client-Id in this process (OZON_RATE_LIMIT_PER_SECOND, default 40 of Ozon's 50 per
 * second), shared by sync and routes because both get their connection from getAccountConnection.
 *
 * Caveat: the budget is per process. Several app instances on one database each spend their own budget on the same
 * Client-Id; with N instances set OZON_RATE_LIMIT_PER_SECOND to about 40/N. (Sync runs on one instance at a time
 * per account thanks to its lease, so in practice the routes' requests are what add up.) Ozon's 429s are still
 * handled by the client's retry with Retry-After.
 */
export function getAccountLimiter(clientId: string): OzonLimiter {
  let limiter = limiters.get(clientId);
  if (!limiter) {
    limiter = createTokenBucket(getEnv().OZON_RATE_LIMIT_PER_SECOND);
    limiters.set(clientId, limiter);
  }
  return limiter;
}
