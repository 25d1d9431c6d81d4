import type { Db } from "@/lib/db/client";
import { jobInstanceId } from "@/lib/jobs/job-instance-id";
import { startJobLoop, type JobLoop } from "@/lib/jobs/start-job-loop";
import type { OzonConnection } from "@/lib/ozon";
import { readOutboxSettings, type OutboxSettings } from "./outbox-settings";
import { runOutboxPass } from "./run-outbox-pass";
import { logger } from "@/lib/log/logger";

export type OutboxWorkerOptions = {
  /** Default: the process's database (prepareDatabase()); then one worker per process. */
  db?: Db;
  /** Default: getAccountConnection (decrypted key, the account's shared rate budget). */
  getConnection?: (db: Db, accountId: string) => Promise<OzonConnection>;
  /** Default OUTBOX_* from the environment. */
  settings?: OutboxSettings;
  /** Default this process's jobInstanceId. */
  owner?: string;
  log?: (message: string) => void;
};

/**
 * The outbox worker, started with the app (instrumentation.ts) on every instance: a pass every interval settles
 * what sends left unsettled (see runOutboxPass). After a crash, a message the dead process was sending is taken
 * over once its lease runs out: within OUTBOX_LEASE_TTL_MS + OUTBOX_POLL_INTERVAL_MS of the crash.
 */
export function startOutboxWorker(options: OutboxWorkerOptions = {}): JobLoop {
  const processWide = options.db === undefined;
  const dbReady: Promise<Db> = options.db ? Promise.resolve(options.db) : import("@/lib/db/client").then((m) => m.prepareDatabase());
  const settings = options.settings ?? readOutboxSettings();
  const getConnection =
    options.getConnection ??
    (async (db: Db, accountId: string) => {
      const { getAccountConnection } = await import("@/lib/accounts/get-account-connection");
      return getAccountConnection(db, accountId);
    });
  const log = options.log ?? ((message: string) => logger.warn(message));
  const owner = options.owner ?? jobInstanceId();
  return startJobLoop({
    key: "outbox-worker",
    processWide,
    intervalMs: settings.pollIntervalMs,
    log,
    run: async (signal) => {
      const db = await dbReady;
      // A full pass may leave more: go on at once until a pass finds nothing.
      while (!signal.aborted && (await runOutboxPass(db, { owner, settings, getConnection, signal, log })) > 0);
    },
  });
}
