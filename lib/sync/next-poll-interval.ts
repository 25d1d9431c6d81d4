/**
 * The pause before an account's next poll. While Ozon pushes, the poll only catches what pushes missed, so each poll
 * after which pushes arrived doubles the pause (from `baseMs` up to `maxMs`); a poll period without pushes goes back
 * to `baseMs` at once, since pushes may have stopped (URL disabled, Ozon suspended it) and polling is all there is.
 */
export function nextPollIntervalMs(options: {
  /** The pause used last time (null: none stored yet). */
  previousMs: number | null;
  /** Whether a push arrived since the previous poll. */
  pushedSincePreviousPoll: boolean;
  baseMs: number;
  maxMs: number;
}): number {
  const { previousMs, pushedSincePreviousPoll, baseMs } = options;
  const maxMs = Math.max(baseMs, options.maxMs);
  if (!pushedSincePreviousPoll) return baseMs;
  return Math.min(maxMs, Math.max(baseMs, (previousMs ?? baseMs) * 2));
}
