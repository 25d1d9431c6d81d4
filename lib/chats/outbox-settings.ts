import { getEnv } from "@/lib/env";

export type OutboxSettings = {
  /** The lease a process holds on a row while it works on it (renewed meanwhile); after a crash, the takeover delay. */
  leaseTtlMs: number;
  /** Sends of one row through Ozon's faults before it is shown FAILED. */
  maxAttempts: number;
  /** Longest backoff before the worker tries a row again. */
  maxBackoffMs: number;
  /** First backoff; doubles with each attempt. */
  baseBackoffMs: number;
  /** Pause between two passes of the outbox worker. */
  pollIntervalMs: number;
};

/** From OUTBOX_* (lib/env.ts); tests pass their own. */
export function readOutboxSettings(): OutboxSettings {
  const env = getEnv();
  return {
    leaseTtlMs: env.OUTBOX_LEASE_TTL_MS,
    maxAttempts: env.OUTBOX_MAX_ATTEMPTS,
    maxBackoffMs: env.OUTBOX_MAX_BACKOFF_MS,
    baseBackoffMs: Math.min(1000, env.OUTBOX_MAX_BACKOFF_MS),
    pollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS,
  };
}
