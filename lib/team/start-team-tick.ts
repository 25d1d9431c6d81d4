import "server-only";

import type { Db } from "@/lib/db/client";
import { startJobLoop, type JobLoop } from "@/lib/jobs/start-job-loop";
import { logger } from "@/lib/log/logger";
import { autoAssignChats } from "./auto-assign-chats";
import { wakeSnoozedChats } from "./wake-snoozed-chats";

/** How often the team's timed work is looked at: a snooze ends, a waiting chat is assigned, within about a second. */
const TEAM_TICK_MS = 1_000;

/**
 * The team's timed work, started with the app on every instance: due snoozes back to OPEN (one UPDATE claims them, so
 * each chat wakes once) and chats that began awaiting unowned to online agents in turn (a per-account advisory lock,
 * so each is assigned once). Each step's failure is logged and the other still runs.
 */
export function startTeamTick(options: { db?: Db; log?: (message: string) => void } = {}): JobLoop {
  const dbReady: Promise<Db> = options.db ? Promise.resolve(options.db) : import("@/lib/db/client").then((m) => m.prepareDatabase());
  const log = options.log ?? ((message: string) => logger.warn(message));
  return startJobLoop({
    key: "team-tick",
    processWide: options.db === undefined,
    intervalMs: TEAM_TICK_MS,
    log,
    run: async () => {
      const db = await dbReady;
      await wakeSnoozedChats(db).catch((error: unknown) => log(`Due snoozes could not be ended: ${String(error)}`));
      await autoAssignChats(db).catch((error: unknown) => log(`Chats could not be assigned automatically: ${String(error)}`));
    },
  });
}
