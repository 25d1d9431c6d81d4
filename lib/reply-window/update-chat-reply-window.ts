import type { Prisma } from "@/lib/db/generated/client";
import { deriveReplyWindow } from "./derive-reply-window";

/**
 * Recomputes a chat's stored reply window (Chat.replyUntil, Chat.replyClosedReason) from what the cache knows: the
 * buyer's last message, the chat's postings, the account's clock offset. Returns whether it changed (the caller
 * publishes the chat then). Accepts a transaction client.
 */
export async function updateChatReplyWindow(db: Prisma.TransactionClient, chatId: string): Promise<boolean> {
  const chat = await db.chat.findUnique({
    where: { id: chatId },
    select: {
      isBuyerChat: true,
      type: true,
      lastBuyerMessageAt: true,
      postingsCheckedAt: true,
      replyUntil: true,
      replyClosedReason: true,
      account: { select: { ozonClockOffsetSeconds: true } },
      postings: { select: { scheme: true, status: true, paidAt: true, deliveredAt: true } },
    },
  });
  if (!chat) return false;
  const next = deriveReplyWindow({
    isBuyerChat: chat.isBuyerChat,
    type: chat.type,
    lastBuyerMessageAt: chat.lastBuyerMessageAt,
    postings: chat.postingsCheckedAt === null ? null : chat.postings,
    clockOffsetMs: chat.account.ozonClockOffsetSeconds * 1000,
  });
  if (next.replyUntil?.getTime() === chat.replyUntil?.getTime() && next.replyClosedReason === chat.replyClosedReason) return false;
  await db.chat.update({ where: { id: chatId }, data: next });
  return true;
}
