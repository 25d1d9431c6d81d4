/**
 * The sync engine: imports a seller account's chats and messages from Ozon into the cache, then keeps it
 * current with cheap polls (see sync-account.ts for how), one instance per account at a time (sync-lease.ts).
 *
 * Server-only. The cache writers (storeChatSummaries, storeMessages) are shared with the chat operations.
 */
export { storeChatSummaries, toChatStatus, toChatType } from "./store-chat-summaries";
export type { StoreChatSummariesResult } from "./store-chat-summaries";
export { IMAGE_PREVIEW, messagePreview, messageText, PREVIEW_MAX_CHARS, storeMessages } from "./store-messages";
export type { StoreMessagesOptions } from "./store-messages";
export { syncAccount, DEFAULT_FULL_PASS_INTERVAL_MS } from "./sync-account";
export type { SyncPassMode, SyncPassOptions, SyncPassReport } from "./sync-account";
export { syncAccountNow } from "./sync-account-now";
export { runAccountSync, syncInstanceId } from "./run-account-sync";
export type { RunAccountSyncOptions, RunAccountSyncResult } from "./run-account-sync";
export { requestSync } from "./request-sync";
export { startSyncScheduler } from "./start-sync-scheduler";
export type { SyncSchedulerOptions } from "./start-sync-scheduler";
export { SyncLeaseHeldError, SyncLeaseLostError } from "./errors";
export { claimSyncLease, ensureSyncState, releaseSyncLease, renewSyncLease } from "./sync-lease";
export { recordSyncFailure } from "./record-sync-failure";
export { backoffDelayMs } from "./sync-settings";
