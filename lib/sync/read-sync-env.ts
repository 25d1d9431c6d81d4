import { getEnv } from "@/lib/env";

/** The SYNC_* settings of this process (lib/env.ts validates them). */
export function readSyncEnv() {
  const env = getEnv();
  return {
    SYNC_ENABLED: env.SYNC_ENABLED,
    SYNC_INTERVAL_MS: env.SYNC_INTERVAL_MS,
    SYNC_LEASE_TTL_MS: env.SYNC_LEASE_TTL_MS,
    SYNC_MAX_BACKOFF_MS: env.SYNC_MAX_BACKOFF_MS,
    SYNC_FULL_PASS_INTERVAL_MS: env.SYNC_FULL_PASS_INTERVAL_MS,
    SYNC_PUSH_MAX_INTERVAL_MS: env.SYNC_PUSH_MAX_INTERVAL_MS,
  };
}
