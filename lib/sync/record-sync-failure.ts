import type { PrismaClient } from "@/lib/db/generated/client";
import { isOzonApiError } from "@/lib/ozon";

import { SyncLeaseHeldError, SyncLeaseLostError } from "./errors";
import { backoffDelayMs } from "./sync-settings";
import { logger } from "@/lib/log/logger";

/**
 * Records a failed sync of an account and when to try again: consecutiveFailures + 1, lastError (a sentence
 * every user may read: Ozon's refusal in words, else SYNC_FAILED_ON_SERVER, never a stack or a path), lastErrorAt, and nextRunAt backed off
 * exponentially, never sooner than Ozon's Retry-After. Returns the delay.
 */
export async function recordSyncFailure(
  db: PrismaClient,
  accountId: string,
  error: unknown,
  options: { backoffBaseMs?: number; maxBackoffMs?: number } = {},
): Promise<number> {
  const state = await db.syncState.upsert({
    where: { accountId },
    create: { accountId },
    update: {},
    select: { consecutiveFailures: true },
  });
  const failures = state.consecutiveFailures + 1;
  const retryInMs = backoffDelayMs(failures, {
    baseMs: options.backoffBaseMs,
    maxMs: options.maxBackoffMs,
    retryAfterMs: isOzonApiError(error) ? error.retryAfterMs : null,
  });
  const now = new Date();
  await db.syncState.update({
    where: { accountId },
    data: {
      consecutiveFailures: failures,
      lastError: describeSyncError(error),
      lastErrorAt: now,
      nextRunAt: new Date(now.getTime() + retryInMs),
    },
  });
  return retryInMs;
}

/** Shown to every user of the account (agents too): words only. Anything unexpected goes to the server log in full. */
export const SYNC_FAILED_ON_SERVER = "The sync failed on the server. It will be retried; if it keeps failing, the server log has the details.";

function describeSyncError(error: unknown): string {
  // Ozon's refusals and our lease errors are sentences we wrote (an OzonApiError never carries the key).
  if (isOzonApiError(error) || error instanceof SyncLeaseHeldError || error instanceof SyncLeaseLostError) return error.message;
  logger.error({ err: error }, "Sync failed unexpectedly");
  return SYNC_FAILED_ON_SERVER;
}
