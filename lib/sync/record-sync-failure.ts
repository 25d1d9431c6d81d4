import type { PrismaClient } from "@/lib/db/generated/client";
import { isOzonApiError } from "@/lib/ozon";

import { backoffDelayMs } from "./sync-settings";

/**
 * Records a failed sync of an account and when to try again: consecutiveFailures + 1, lastError (a sentence
 * for the admin; OzonApiError messages never carry the key), lastErrorAt, and nextRunAt backed off
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

function describeSyncError(error: unknown): string {
  if (isOzonApiError(error)) return error.message;
  if (error instanceof Error) return `The sync failed: ${error.message}`;
  return "The sync failed for an unknown reason.";
}
