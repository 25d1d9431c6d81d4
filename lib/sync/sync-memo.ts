import { parseFeedbackMemo, type FeedbackMemo } from "@/lib/feedback/feedback-memo";

/**
 * What a finished pass leaves for the next one, kept as JSON in sync_states.cursor (the import does not need
 * a list cursor: re-reading the list is cheap and Ozon's cursors are opaque, see sync-account.ts). A column of
 * its own each would be cleaner; this avoids a schema change for now.
 */
export type SyncMemo = {
  /** When the last full pass (every list page) finished, ISO. */
  fullPassAt?: string;
  /**
   * Ozon's total_unread_count minus the sum of the cached chats' unread counts, as it was right after a full
   * reconciliation. Normally 0; if Ozon counts something the chats do not show, this keeps that difference
   * from triggering a reconciliation on every poll.
   */
  unreadOffset?: number;
  /**
   * The newest last_message_id among the list entries the sync has verified (decimal). Every chat whose last
   * message is not newer than this was brought up to date by a finished pass, so an unchanged chat at or
   * below it is a safe place for the poll to stop. A chat that looks unchanged only because another writer
   * (the sender) stored its newest message is above it, and the poll looks past it.
   */
  highWater?: string;
  /** What the poll of questions and reviews keeps between passes (lib/feedback/sync-feedback.ts). */
  feedback?: FeedbackMemo;
};

export function parseSyncMemo(cursor: string | null): SyncMemo {
  if (!cursor) return {};
  try {
    const value = JSON.parse(cursor) as unknown;
    if (!value || typeof value !== "object") return {};
    const { fullPassAt, unreadOffset, highWater, feedback } = value as Record<string, unknown>;
    return {
      ...(feedback && typeof feedback === "object" ? { feedback: parseFeedbackMemo(feedback as Record<string, unknown>) } : {}),
      ...(typeof highWater === "string" && /^\d{1,20}$/.test(highWater) ? { highWater } : {}),
      ...(typeof fullPassAt === "string" ? { fullPassAt } : {}),
      ...(typeof unreadOffset === "number" && Number.isInteger(unreadOffset) ? { unreadOffset } : {}),
    };
  } catch {
    return {};
  }
}


export function serializeSyncMemo(memo: SyncMemo): string {
  return JSON.stringify(memo);
}
