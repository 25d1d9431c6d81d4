import type { ReplyClosedReason } from "./reply-state";

const BUYER_REPLY_WINDOW_MS = 48 * 3_600_000;
const AFTER_DELIVERY_WINDOW_MS = 72 * 3_600_000;

export type ReplyWindowPosting = {
  scheme: string;
  status: string;
  paidAt: Date | null;
  deliveredAt: Date | null;
};

export type ReplyWindowInput = {
  isBuyerChat: boolean;
  /** The stored (lower-case) chat type. */
  type: string;
  /** Ozon's time of the buyer's last message. */
  lastBuyerMessageAt: Date | null;
  /** The chat's postings; null when they were never read (nothing is known of its order yet). */
  postings: ReplyWindowPosting[] | null;
  /** Ozon's clock minus ours: deadlines are Ozon's, stored on our clock. */
  clockOffsetMs: number;
};

/** What Chat.replyUntil / Chat.replyClosedReason hold (see computeReplyState for how they read). */
export type ReplyWindow = { replyUntil: Date | null; replyClosedReason: ReplyClosedReason | null };

const OPEN: ReplyWindow = { replyUntil: null, replyClosedReason: null };

/** Ozon's notification chats: nobody answers there (Ozon refuses sends) [inf, docs/ozon-wire-decisions.md]. */
function isReadOnlyChatType(type: string): boolean {
  return /^seller_(notification|api)(_|$)/i.test(type.trim());
}

/**
 * The reply window of a chat, from Ozon's rules (seed text of /v1/chat/send/message):
 * FBO — within 48 h of the buyer's last message; FBS/rFBS — from payment until 72 h after delivery, and after that
 * within 48 h of the buyer's last message. The 48 h after a buyer's message hold in every scheme (the emulator and
 * Ozon answer a buyer who writes before payment too).
 *
 * Where nothing is known (postings never read, or none found) the chat stays open without a deadline: Ozon's
 * answer to a send decides (and is then stored, see recordReplyRefusal). Support chats have no window.
 */
export function deriveReplyWindow(input: ReplyWindowInput): ReplyWindow {
  if (!input.isBuyerChat) return isReadOnlyChatType(input.type) ? { replyUntil: null, replyClosedReason: "read_only_chat" } : OPEN;
  if (input.postings === null || input.postings.length === 0) return OPEN;

  const toOurs = (ozonMs: number) => new Date(ozonMs - input.clockOffsetMs);
  const buyerUntil = input.lastBuyerMessageAt ? input.lastBuyerMessageAt.getTime() + BUYER_REPLY_WINDOW_MS : null;
  const live = input.postings.filter((p) => p.status.toLowerCase() !== "cancelled");
  const postings = live.length > 0 ? live : input.postings;
  const fbs = postings.filter((p) => p.scheme.toUpperCase() !== "FBO");

  if (fbs.length === 0) {
    return { replyUntil: buyerUntil === null ? null : toOurs(buyerUntil), replyClosedReason: "fbo_window_passed" };
  }
  const paid = fbs.filter((p) => p.paidAt !== null);
  if (paid.length === 0) {
    return { replyUntil: buyerUntil === null ? null : toOurs(buyerUntil), replyClosedReason: "not_paid" };
  }
  // Paid and on its way: open until 72 h after delivery, a date nobody knows yet.
  if (paid.some((p) => p.deliveredAt === null)) return OPEN;
  const afterDelivery = Math.max(...paid.map((p) => p.deliveredAt!.getTime())) + AFTER_DELIVERY_WINDOW_MS;
  const until = buyerUntil === null ? afterDelivery : Math.max(afterDelivery, buyerUntil);
  return { replyUntil: toOurs(until), replyClosedReason: "fbs_window_passed" };
}
