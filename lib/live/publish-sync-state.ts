import type { Db } from "@/lib/db/client";
import type { SyncStateView } from "./live-event";
import { publishLiveEvent } from "./publish-live-event";
import { logger } from "@/lib/log/logger";

/**
 * Tells the open tabs the account's sync state as it now is (import progress, a failure, back to normal). Never
 * throws: the sync must not fail because a tab could not be told; tabs read the state again on their refetch.
 */
export async function publishSyncState(db: Db, accountId: string): Promise<void> {
  try {
    const state = await db.syncState.findUnique({ where: { accountId } });
    if (!state) return;
    const sync: SyncStateView = {
      phase: state.phase,
      chatsTotal: state.chatsTotal,
      chatsDone: state.chatsDone,
      lastSuccessAt: state.lastSuccessAt?.toISOString() ?? null,
      lastError: state.lastError,
    };
    await publishLiveEvent(db, { kind: "sync", accountId, sync });
  } catch (error) {
    logger.warn({ accountId }, `live: could not publish the sync state of account ${accountId}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
}
