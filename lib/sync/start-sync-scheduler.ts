/**
 * The in-process sync scheduler. Every instance of the app runs one (instrumentation starts it); they share
 * the work through sync_states: each looks for due accounts (nextRunAt passed, no live lease) about once a
 * second and claims each one's lease before syncing it, so an account is synced by exactly one instance at a
 * time, and a "sync now" (requestSync) is picked up within a second by whichever instance looks first.
 *
 * Accounts are independent: one failing (wrong key, Ozon down for it, a 429) is backed off on its own and
 * the others go on in the same tick.
 */
import type { PrismaClient } from "@/lib/db/generated/client";
import { jobInstanceId } from "@/lib/jobs/job-instance-id";
import { startJobLoop, type JobLoop } from "@/lib/jobs/start-job-loop";
import type { OzonConnection } from "@/lib/ozon";
import { readSyncEnv } from "./read-sync-env";
import { recordSyncFailure } from "./record-sync-failure";
import { runAccountSync } from "./run-account-sync";
import { logger } from "@/lib/log/logger";
import { DEFAULT_FULL_PASS_INTERVAL_MS, DEFAULT_SYNC_INTERVAL_MS, DEFAULT_SYNC_LEASE_TTL_MS, DEFAULT_SYNC_MAX_BACKOFF_MS, DEFAULT_SYNC_PUSH_MAX_INTERVAL_MS } from "@/lib/env";

export type SyncSchedulerOptions = {
  /** Default: the process's database (prepareDatabase()). A scheduler on the default database is started once per process. */
  db?: PrismaClient;
  /** Default: getAccountConnection from lib/accounts (decrypted key, per-account rate limiter). */
  getConnection?: (db: PrismaClient, accountId: string) => Promise<OzonConnection>;
  /** Default SYNC_ENABLED (true). When false, nothing starts. */
  enabled?: boolean;
  /** Pause between two passes of an account. Default SYNC_INTERVAL_MS (15 s). */
  intervalMs?: number;
  /** Default SYNC_LEASE_TTL_MS (60 s). */
  leaseTtlMs?: number;
  /** Cap of the backoff after failures. Default SYNC_MAX_BACKOFF_MS (15 min). */
  maxBackoffMs?: number;
  backoffBaseMs?: number;
  /** Default SYNC_FULL_PASS_INTERVAL_MS (1 h). */
  fullPassIntervalMs?: number;
  /** Longest pause between polls while pushes arrive. Default SYNC_PUSH_MAX_INTERVAL_MS (5 min). */
  pushMaxIntervalMs?: number;
  /** Lease owner name of this instance (default host:pid:random). */
  instanceId?: string;
  /** How often due accounts are looked for (default min(1 s, intervalMs)). */
  tickMs?: number;
  /** Accounts this instance syncs at once (default 4). */
  maxConcurrentAccounts?: number;
  /** Where failures are reported (default: the logger, as warnings). */
  log?: (message: string) => void;
};

/** Starts the scheduler (a lib/jobs loop, once per process on the default database); stop() aborts passes in progress and waits for them. */
export function startSyncScheduler(options: SyncSchedulerOptions = {}): JobLoop {
  const settings = resolveSettings(options);
  if (!settings.enabled) return { wake: () => undefined, stop: async () => undefined };

  const running = new Map<string, Promise<void>>();
  const log = options.log ?? ((message: string) => logger.warn(message));
  const dbReady: Promise<PrismaClient> = options.db
    ? Promise.resolve(options.db)
    : import("@/lib/db/client").then((m) => m.prepareDatabase());
  const getConnection =
    options.getConnection ??
    (async (db: PrismaClient, accountId: string) => {
      const { getAccountConnection } = await import("@/lib/accounts/get-account-connection");
      return getAccountConnection(db, accountId);
    });

  const syncOne = async (db: PrismaClient, accountId: string, signal: AbortSignal) => {
    let connection: OzonConnection;
    try {
      connection = await getConnection(db, accountId);
    } catch (error) {
      if (signal.aborted) return;
      const retryInMs = await recordSyncFailure(db, accountId, error, settings);
      log(`Sync of account ${accountId} cannot start, next try in ${Math.round(retryInMs / 1000)} s: ${message(error)}`);
      return;
    }
    const result = await runAccountSync(db, accountId, connection, { ...settings, signal });
    if (result.status === "failed" && !signal.aborted) {
      log(`Sync of account ${accountId} failed, next try in ${Math.round(result.retryInMs / 1000)} s: ${message(result.error)}`);
    }
  };

  const loop = startJobLoop({
    key: "sync-scheduler",
    processWide: options.db === undefined,
    intervalMs: settings.tickMs,
    log,
    // A pass starts the due accounts' syncs and returns: an account's sync runs across passes, at most
    // maxConcurrentAccounts of them at once.
    run: async (signal) => {
      const db = await dbReady;
      const free = settings.maxConcurrentAccounts - running.size;
      if (free <= 0 || signal.aborted) return;
      for (const accountId of await findDueAccounts(db, [...running.keys()], free)) {
        const run = syncOne(db, accountId, signal)
          .catch((error: unknown) => log(`Sync of account ${accountId} failed: ${message(error)}`))
          .finally(() => running.delete(accountId));
        running.set(accountId, run);
      }
    },
  });
  return {
    wake: loop.wake,
    stop: async () => {
      await loop.stop();
      await Promise.allSettled(running.values());
    },
  };
}

/** Accounts due now (never synced, or nextRunAt passed) whose lease nobody holds, longest waiting first. */
async function findDueAccounts(db: PrismaClient, skip: string[], take: number): Promise<string[]> {
  const now = new Date();
  const rows = await db.sellerAccount.findMany({
    where: {
      ...(skip.length > 0 ? { id: { notIn: skip } } : {}),
      OR: [
        { syncState: null },
        {
          syncState: {
            is: {
              OR: [{ nextRunAt: null }, { nextRunAt: { lte: now } }],
              AND: [{ OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] }],
            },
          },
        },
      ],
    },
    orderBy: [{ syncState: { nextRunAt: { sort: "asc", nulls: "first" } } }, { id: "asc" }],
    select: { id: true },
    take,
  });
  return rows.map((r) => r.id);
}

function resolveSettings(options: SyncSchedulerOptions) {
  const fromEnv =
    options.enabled === undefined ||
    options.intervalMs === undefined ||
    options.leaseTtlMs === undefined ||
    options.maxBackoffMs === undefined ||
    options.fullPassIntervalMs === undefined;
  // Read lazily: tests pass every value and need no full environment.
  const env = fromEnv ? readSyncEnv() : undefined;
  const intervalMs = options.intervalMs ?? env?.SYNC_INTERVAL_MS ?? DEFAULT_SYNC_INTERVAL_MS;
  return {
    enabled: options.enabled ?? env?.SYNC_ENABLED ?? true,
    intervalMs,
    leaseTtlMs: options.leaseTtlMs ?? env?.SYNC_LEASE_TTL_MS ?? DEFAULT_SYNC_LEASE_TTL_MS,
    maxBackoffMs: options.maxBackoffMs ?? env?.SYNC_MAX_BACKOFF_MS ?? DEFAULT_SYNC_MAX_BACKOFF_MS,
    backoffBaseMs: options.backoffBaseMs,
    fullPassIntervalMs: options.fullPassIntervalMs ?? env?.SYNC_FULL_PASS_INTERVAL_MS ?? DEFAULT_FULL_PASS_INTERVAL_MS,
    pushMaxIntervalMs: options.pushMaxIntervalMs ?? env?.SYNC_PUSH_MAX_INTERVAL_MS ?? DEFAULT_SYNC_PUSH_MAX_INTERVAL_MS,
    instanceId: options.instanceId ?? jobInstanceId(),
    tickMs: options.tickMs ?? Math.min(1000, intervalMs),
    maxConcurrentAccounts: options.maxConcurrentAccounts ?? 4,
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
