import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "@/lib/db/client";

import { refreshChatTurns } from "./refresh-chat-turns";

const BATCH = 500;
const WAIT_FOR_OTHERS_MS = 25;

/**
 * Before the metrics page reads an account's turns: computes its marked chats now (those the background loop has not
 * reached yet), and waits for the ones another instance is computing, for at most `maxMs` (the page then shows what
 * is computed, at most that much behind). Usually nothing is marked, or a few chats written to in the last seconds.
 */
export async function catchUpAccountTurns(db: Db, accountId: string, options: { maxMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (options.maxMs ?? 5_000);
  // Usually nothing is marked: one count, no claim.
  while ((await db.chatTurnMark.count({ where: { accountId } })) > 0 && Date.now() < deadline) {
    if ((await refreshChatTurns(db, { limit: BATCH, accountId })) === 0) await sleep(WAIT_FOR_OTHERS_MS);
  }
}
