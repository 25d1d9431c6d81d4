/** A view's count as its tab shows it: the server stops counting at `cap` (lib/cache/count-waiting-chats.ts), so that many means "more than cap − 1". */
export function formatQueueCount(count: number, cap: number): string {
  return count >= cap ? `${cap - 1}+` : String(count);
}
