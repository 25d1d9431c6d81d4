/**
 * What the poll of questions and reviews keeps between passes, inside the account's sync memo (sync_states.cursor,
 * lib/sync/sync-memo.ts). Kept here, below lib/sync, so lib/feedback reads its own part without importing the sync.
 */
export type FeedbackMemo = {
  /** The shop's name at Ozon: an answer written under it is ours (the wire has no owner flag for answers). */
  shopName?: string;
  /** Ozon's counts as of the last full listing: counts the cache cannot match (Ozon's own mismatch) list once. */
  questionCounts?: string;
  reviewCounts?: string;
  questionsRefused?: boolean;
};

/** The feedback part of a parsed sync memo, keeping only well-formed fields. */
export function parseFeedbackMemo(f: Record<string, unknown>): FeedbackMemo {
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  const memo: FeedbackMemo = { shopName: text(f.shopName), questionCounts: text(f.questionCounts), reviewCounts: text(f.reviewCounts) };
  if (f.questionsRefused === true) memo.questionsRefused = true;
  for (const key of Object.keys(memo) as (keyof FeedbackMemo)[]) if (memo[key] === undefined) delete memo[key];
  return memo;
}

/** The feedback part of an account's sync memo as stored (sync_states.cursor); empty when there is none. */
export function readFeedbackMemo(cursor: string | null): FeedbackMemo {
  if (!cursor) return {};
  try {
    const value = JSON.parse(cursor) as { feedback?: unknown } | null;
    return value?.feedback && typeof value.feedback === "object" ? parseFeedbackMemo(value.feedback as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
