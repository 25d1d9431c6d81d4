/**
 * The messages.ozon_message_id of a question's or review's text, an answer or a comment: Ozon's ids for them are
 * strings, the column is a BIGINT that orders a thread. Made from the publication time in milliseconds × 4096, plus
 * for answers and comments 1 + 12 bits of a hash of Ozon's id: time-ordered, and the item's own text (low bits 0)
 * comes before anything published in the same millisecond. Ozon's own id is kept in messages.ozon_item_id.
 */
const SLOTS = 4096n;

export function feedbackMessageId(publishedAt: string | Date, ozonId: string, isItemText: boolean): bigint {
  const ms = BigInt(new Date(publishedAt).getTime());
  if (isItemText) return ms * SLOTS;
  // FNV-1a, 32 bits.
  let hash = 0x811c9dc5;
  for (let i = 0; i < ozonId.length; i++) {
    hash ^= ozonId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return ms * SLOTS + 1n + BigInt(hash % 4095);
}
