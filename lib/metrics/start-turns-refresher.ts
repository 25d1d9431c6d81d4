import "server-only";

import type { Db } from "@/lib/db/client";
import { startJobLoop, type JobLoop } from "@/lib/jobs/start-job-loop";
import { logger } from "@/lib/log/logger";
import { refreshChatTurns } from "./refresh-chat-turns";

/** How soon a stored message's turn is computed in the background (the page catches up on its own before reading). */
const TURNS_INTERVAL_MS = 2_000;
const BATCH = 200;

/**
 * Keeps the metrics' turns (chat_turns) up to date on every instance: each pass computes the marked chats in batches
 * until none is left (claimed in PostgreSQL, so instances share them and never compute one chat twice).
 */
export function startTurnsRefresher(options: { db?: Db; log?: (message: string) => void } = {}): JobLoop {
  const dbReady: Promise<Db> = options.db ? Promise.resolve(options.db) : import("@/lib/db/client").then((m) => m.prepareDatabase());
  return startJobLoop({
    key: "chat-turns",
    processWide: options.db === undefined,
    intervalMs: TURNS_INTERVAL_MS,
    log: options.log ?? ((message: string) => logger.warn(message)),
    run: async (signal) => {
      const db = await dbReady;
      while (!signal.aborted && (await refreshChatTurns(db, { limit: BATCH })) > 0);
    },
  });
}
