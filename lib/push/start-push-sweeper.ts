import "server-only";

import type { Db } from "@/lib/db/client";
import { startJobLoop, type JobLoop } from "@/lib/jobs/start-job-loop";
import { logger } from "@/lib/log/logger";
import { sweepPushEvents } from "./sweep-push-events";

/** How soon a push left waiting (a crashed instance's claim, a retry that is due) is taken up again. */
const PUSH_SWEEP_MS = 1_000;

/** Started with the app on every instance: pushes that wait with nobody on them are processed (sweepPushEvents). */
export function startPushSweeper(options: { db?: Db; log?: (message: string) => void } = {}): JobLoop {
  const dbReady: Promise<Db> = options.db ? Promise.resolve(options.db) : import("@/lib/db/client").then((m) => m.prepareDatabase());
  const log = options.log ?? ((message: string) => logger.warn(message));
  return startJobLoop({
    key: "push-sweeper",
    processWide: options.db === undefined,
    intervalMs: PUSH_SWEEP_MS,
    log,
    run: async (signal) => {
      await sweepPushEvents(await dbReady, { signal, log });
    },
  });
}
