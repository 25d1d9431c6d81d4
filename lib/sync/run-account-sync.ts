import { randomUUID } from "node:crypto";

import type { PrismaClient } from "@/lib/db/generated/client";
import { jobInstanceId } from "@/lib/jobs/job-instance-id";
import { releaseLease } from "@/lib/jobs/release-lease";
import { renewLease } from "@/lib/jobs/renew-lease";
import { publishSyncState } from "@/lib/live/publish-sync-state";
import type { OzonConnection } from "@/lib/ozon";
import { syncOzonClockOffset } from "@/lib/reply-window/sync-ozon-clock-offset";

import { SyncLeaseLostError } from "./errors";
import { syncAccount, type SyncPassOptions, type SyncPassReport } from "./sync-account";
import { recordSyncFailure } from "./record-sync-failure";
import { claimSyncLease } from "./claim-sync-lease";
import { SYNC_LEASE } from "./sync-lease";
import { nextPollIntervalMs } from "./next-poll-interval";
import { DEFAULT_SYNC_INTERVAL_MS, DEFAULT_SYNC_LEASE_TTL_MS, DEFAULT_SYNC_PUSH_MAX_INTERVAL_MS } from "@/lib/env";

export type RunAccountSyncOptions = Omit<SyncPassOptions, "heartbeat"> & {
  /** This app instance's name in sync_states.lease_owner (default host:pid:random). */
  instanceId?: string;
  leaseTtlMs?: number;
  /** After a successful pass the account is due again after this long (default 15 s)... */
  intervalMs?: number;
  /** ...or, while pushes arrive, up to this long (default 5 min; SYNC_PUSH_MAX_INTERVAL_MS). */
  pushMaxIntervalMs?: number;
  backoffBaseMs?: number;
  maxBackoffMs?: number;
};

export type RunAccountSyncResult =
  | { status: "synced"; report: SyncPassReport }
  | { status: "failed"; error: unknown; retryInMs: number }
  | { status: "lease_held" };

/**
 * Claims the account's lease, runs one pass, records the outcome in sync_states and releases the lease.
 * Never throws for a failed pass: the failure is recorded (consecutiveFailures, lastError, lastErrorAt and a
 * nextRunAt backed off exponentially, at least Ozon's Retry-After) and returned.
 *
 * Each run owns the lease under its own name (instance id + a run id): two runs in one process exclude each
 * other exactly as two instances do.
 */
export async function runAccountSync(
  db: PrismaClient,
  accountId: string,
  connection: OzonConnection,
  options: RunAccountSyncOptions = {},
): Promise<RunAccountSyncResult> {
  const ttl = options.leaseTtlMs ?? DEFAULT_SYNC_LEASE_TTL_MS;
  const owner = `${options.instanceId ?? jobInstanceId()}/${randomUUID().slice(0, 8)}`;
  if (!(await claimSyncLease(db, accountId, owner, ttl))) return { status: "lease_held" };

  let renewedAt = Date.now();
  const heartbeat = async () => {
    if (Date.now() - renewedAt < ttl / 3) return;
    if (!(await renewLease(db, SYNC_LEASE, accountId, owner, ttl))) throw new SyncLeaseLostError(accountId);
    renewedAt = Date.now();
  };

  const startedAt = new Date();
  try {
    const report = await syncAccount(db, accountId, connection, { ...options, heartbeat });
    // Reply deadlines are Ozon's: kept on our clock, they move when Ozon's clock is seen to differ (the emulator's).
    await syncOzonClockOffset(db, accountId, connection.baseUrl);
    const now = new Date();
    // "Sync now" pressed during this pass: keep it due, the pass may have listed before the news arrived.
    const { nextRunAt, lastSuccessAt, lastPushAt, pollIntervalMs } = await db.syncState.findUniqueOrThrow({
      where: { accountId },
      select: { nextRunAt: true, lastSuccessAt: true, lastPushAt: true, pollIntervalMs: true },
    });
    const requestedMeanwhile = nextRunAt !== null && nextRunAt > startedAt && nextRunAt <= now;
    // While Ozon pushes, the poll is a safety net and backs off; see next-poll-interval.ts.
    const pauseMs = nextPollIntervalMs({
      previousMs: pollIntervalMs,
      pushedSincePreviousPoll: lastPushAt !== null && (lastSuccessAt === null || lastPushAt > lastSuccessAt),
      baseMs: options.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS,
      maxMs: options.pushMaxIntervalMs ?? DEFAULT_SYNC_PUSH_MAX_INTERVAL_MS,
    });
    await db.syncState.update({
      where: { accountId },
      data: {
        lastSuccessAt: now,
        consecutiveFailures: 0,
        lastError: null,
        lastErrorAt: null,
        nextRunAt: requestedMeanwhile ? nextRunAt : new Date(now.getTime() + pauseMs),
        pollIntervalMs: pauseMs,
      },
    });
    await db.sellerAccount.update({ where: { id: accountId }, data: { lastSyncAt: now } });
    await publishSyncState(db, accountId);
    return { status: "synced", report };
  } catch (error) {
    if (options.signal?.aborted || error instanceof SyncLeaseLostError) {
      // Stopped on purpose, or another instance carries on: not a failure of the account.
      return { status: "failed", error, retryInMs: 0 };
    }
    const retryInMs = await recordSyncFailure(db, accountId, error, options);
    await publishSyncState(db, accountId);
    return { status: "failed", error, retryInMs };
  } finally {
    await releaseLease(db, SYNC_LEASE, accountId, owner).catch(() => {});
  }
}
