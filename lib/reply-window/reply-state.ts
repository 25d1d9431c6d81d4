import { z } from "zod";

/**
 * Why the seller may not write to a chat now (Ozon's rules, ../shared/seeds/ozon-chat-methods.ru.txt):
 * - chat_closed: Ozon closed the chat;
 * - ozon_refused: Ozon refused a send because the reply period is over (final until the buyer writes again);
 * - read_only_chat: an Ozon notification chat (SELLER_NOTIFICATION_*, SELLER_API_*), nobody answers there;
 * - not_paid: FBS/rFBS order not paid yet, and the buyer has not written within 48 h;
 * - fbo_window_passed: FBO, 48 h after the buyer's last message;
 * - fbs_window_passed: FBS/rFBS, 72 h after delivery, and the buyer has not written within 48 h.
 */
const REPLY_CLOSED_REASONS = [
  "chat_closed",
  "ozon_refused",
  "read_only_chat",
  "not_paid",
  "fbo_window_passed",
  "fbs_window_passed",
] as const;
export type ReplyClosedReason = (typeof REPLY_CLOSED_REASONS)[number];

/** May the seller write to the chat now, until when (null: no deadline known), and if not, why. Decided on the server. */
export const replyStateSchema = z.object({
  canReply: z.boolean(),
  until: z.iso.datetime().nullable(),
  reason: z.enum(REPLY_CLOSED_REASONS).nullable(),
});
export type ReplyState = z.infer<typeof replyStateSchema>;

/** The chat columns the state is computed from (see prisma/schema.prisma, Chat.replyUntil). */
export type ReplyWindowColumns = {
  status: "OPENED" | "CLOSED";
  replyUntil: Date | null;
  replyClosedReason: string | null;
  replyRefusedAt: Date | null;
};

function asReason(value: string | null): ReplyClosedReason | null {
  return (REPLY_CLOSED_REASONS as readonly string[]).includes(value ?? "") ? (value as ReplyClosedReason) : null;
}

/** The reply state of a cached chat at `now` (our clock: replyUntil is stored on it). */
export function computeReplyState(chat: ReplyWindowColumns, now: Date = new Date()): ReplyState {
  if (chat.status === "CLOSED") return { canReply: false, until: null, reason: "chat_closed" };
  if (chat.replyRefusedAt) return { canReply: false, until: null, reason: "ozon_refused" };
  const until = chat.replyUntil && chat.replyUntil.getTime() > now.getTime() ? chat.replyUntil.toISOString() : null;
  const reason = asReason(chat.replyClosedReason);
  if (reason === null) return { canReply: true, until, reason: null };
  if (until !== null) return { canReply: true, until, reason: null };
  return { canReply: false, until: null, reason };
}
