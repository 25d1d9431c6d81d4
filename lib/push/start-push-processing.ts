import type { Db } from "@/lib/db/client";

import { waitForQuietIntake } from "./intake-pressure";
import { processPushEvents, type ProcessPushEventsOptions } from "./process-push-events";
import { logger } from "@/lib/log/logger";

type Run = { again: boolean; done: Promise<void>; /** Ends the run's wait for more pushes early. */ wake?: () => void };
const globalForPush = globalThis as typeof globalThis & { __sellerInboxPushRuns?: Map<string, Run> };
const runs = (globalForPush.__sellerInboxPushRuns ??= new Map<string, Run>());

/**
 * Processes the account's queued pushes in the background of this process, not awaited by the caller (the push
 * receiver has already answered Ozon). One run per account at a time here: pushes arriving meanwhile make the running
 * one look again when it finishes, instead of starting runs that would only fight over the same claims. Never
 * rejects; a failure is logged (without secrets: the token never reaches this code) and the sweeper retries.
 */
export function startPushProcessing(db: Db, accountId: string, options: ProcessPushEventsOptions & { log?: (message: string) => void } = {}): Promise<void> {
  const running = runs.get(accountId);
  if (running) {
    running.again = true;
    running.wake?.();
    return running.done;
  }
  const log = options.log ?? ((message: string) => logger.warn(message));
  const run: Run = { again: true, done: Promise.resolve() };
  run.done = (async () => {
    try {
      while (run.again) {
        run.again = false;
        const result = await processPushEvents(db, accountId, { yieldToIntake: waitForQuietIntake, ...options, waitForMore: (ms) => waitForPush(run, ms) });
        if (result.retried + result.failed > 0) {
          log(`Push events of account ${accountId}: ${result.retried} to retry, ${result.failed} given up.`);
          break;
        }
      }
    } catch (error) {
      log(`Push events of account ${accountId} could not be processed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      runs.delete(accountId);
    }
  })();
  runs.set(accountId, run);
  return run.done;
}

/** Resolves after `ms`, or as soon as a new push for the run's account is stored. */
function waitForPush(run: Run, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      run.wake = undefined;
      resolve();
    };
    const timer = setTimeout(done, ms);
    run.wake = done;
  });
}

/** Tests: resolves when every background run of this process has finished (including runs started meanwhile). */
export async function pushProcessingSettled(): Promise<void> {
  while (runs.size > 0) await Promise.all([...runs.values()].map((r) => r.done));
}
