import { runInTransaction, type DbClient } from "@/lib/cache/db-client";
import { markChatTurns } from "@/lib/cache/mark-chat-turns";
import { refreshReplyState } from "@/lib/cache/refresh-reply-state";
import { textPreview } from "@/lib/cache/store-messages";

import { feedbackChatId, type FeedbackKind } from "@/lib/cache/feedback-kinds";
import { feedbackMessageId } from "./feedback-message-id";

/** Who wrote an answer or comment: us (the shop), another buyer, or Ozon (an official comment). */
export type FeedbackAuthor = "seller" | "buyer_other" | "ozon";

export type FeedbackReply = {
  ozonId: string;
  text: string;
  author: FeedbackAuthor;
  authorName: string;
  publishedAt: string;
  /** PUBLISHED, MODERATION or REJECTED (null: unknown). */
  moderation: string | null;
};

/** A question or review as the poll read it, with its answers or comments. */
export type FeedbackItem = {
  kind: FeedbackKind;
  ozonId: string;
  sku: string;
  text: string;
  authorName: string;
  publishedAt: string;
  /** Ozon's status: NEW, VIEWED, PROCESSED. */
  status: string;
  /** Ozon's answers_count / comments_amount. */
  replyCount: number;
  rating: number | null;
  photos: { url: string; width: number; height: number }[] | null;
  product: { name: string; imageUrl: string | null } | null;
  replies: FeedbackReply[];
  /** Whether `replies` is every answer or comment Ozon has (then the cache drops the ones Ozon no longer lists). */
  repliesComplete: boolean;
};

export type StoreFeedbackItemResult = {
  chatId: string;
  created: boolean;
  /** Ozon ids (messages.ozon_message_id) of the messages inserted or changed: what a live event carries. */
  changedMessageIds: bigint[];
};

/**
 * Writes one question or review into the cache as a chat row of its kind (docs/questions-and-reviews.md): the row (the
 * product, rating, photos, Ozon's status and reply count), the buyer's text as its first message, the answers or
 * comments as the further ones (inserted, or their text and moderation brought up to date), then the last-message
 * columns and the reply state (an item with no answer of ours awaits one: "Needs reply"). Idempotent.
 */
export async function storeFeedbackItem(db: DbClient, accountId: string, item: FeedbackItem): Promise<StoreFeedbackItemResult> {
  const ozonChatId = feedbackChatId(item.kind, item.ozonId);
  const row = {
    sku: item.sku || null,
    productName: item.product?.name || null,
    productCount: item.product?.name ? 1 : 0,
    productImageUrl: item.product?.imageUrl ?? null,
    rating: item.rating,
    photos: item.photos ?? undefined,
    feedbackStatus: item.status,
    feedbackReplies: item.replyCount,
  };
  const messages = [
    {
      ozonMessageId: feedbackMessageId(item.publishedAt, item.ozonId, true),
      ozonItemId: item.ozonId,
      authorType: "customer",
      authorId: item.authorName,
      text: item.text,
      moderationStatus: null as string | null,
      createdAt: new Date(item.publishedAt),
    },
    ...item.replies.map((r) => ({
      ozonMessageId: feedbackMessageId(r.publishedAt, r.ozonId, false),
      ozonItemId: r.ozonId,
      authorType: r.author,
      authorId: r.authorName,
      text: r.text,
      moderationStatus: r.moderation,
      createdAt: new Date(r.publishedAt),
    })),
  ].sort((a, b) => (a.ozonMessageId < b.ozonMessageId ? -1 : a.ozonMessageId > b.ozonMessageId ? 1 : 0));

  const result = await runInTransaction(db, async (tx) => {
    const existing = await tx.chat.findUnique({ where: { accountId_ozonChatId: { accountId, ozonChatId } }, select: { id: true } });
    const chat =
      existing ??
      (await tx.chat.upsert({
        where: { accountId_ozonChatId: { accountId, ozonChatId } },
        create: {
          accountId,
          ozonChatId,
          type: item.kind,
          isBuyerChat: false,
          createdAt: new Date(item.publishedAt),
          historyStartReached: true,
          ...row,
        },
        update: {},
        select: { id: true },
      }));
    if (existing) await tx.chat.update({ where: { id: chat.id }, data: row });

    const stored = await tx.message.findMany({
      where: { chatId: chat.id },
      select: { id: true, ozonMessageId: true, ozonItemId: true, text: true, moderationStatus: true },
    });
    const byId = new Map(stored.map((m) => [m.ozonMessageId, m]));
    const changed: bigint[] = [];
    const fresh = messages.filter((m) => !byId.has(m.ozonMessageId));
    if (fresh.length > 0) {
      await tx.message.createMany({
        data: fresh.map((m) => ({ chatId: chat.id, ...m, isRead: true, sku: item.sku || null })),
        skipDuplicates: true,
      });
      changed.push(...fresh.map((m) => m.ozonMessageId));
    }
    for (const m of messages) {
      const old = byId.get(m.ozonMessageId);
      if (!old || (old.text === m.text && old.moderationStatus === m.moderationStatus)) continue;
      await tx.message.update({ where: { id: old.id }, data: { text: m.text, moderationStatus: m.moderationStatus } });
      changed.push(m.ozonMessageId);
    }
    // An answer or comment deleted at Ozon (here or in its portal) leaves the thread.
    if (item.repliesComplete) {
      const listed = new Set(messages.map((m) => m.ozonMessageId));
      const gone = stored.filter((m) => !listed.has(m.ozonMessageId)).map((m) => m.id);
      if (gone.length > 0) await tx.message.deleteMany({ where: { id: { in: gone } } });
    }

    // The metrics' turns (who answered when) follow the messages, as a chat's do.
    if (changed.length > 0) await markChatTurns(tx, chat.id);

    const newest = await tx.message.findFirst({
      where: { chatId: chat.id },
      orderBy: { ozonMessageId: "desc" },
      select: { ozonMessageId: true, createdAt: true, text: true, authorType: true },
    });
    if (newest) {
      await tx.chat.update({
        where: { id: chat.id },
        data: {
          lastMessageId: newest.ozonMessageId,
          lastMessageAt: newest.createdAt,
          lastMessagePreview: newest.text ? textPreview(newest.text) : null,
          lastMessageAuthor: newest.authorType,
        },
      });
    }
    return { chatId: chat.id, created: !existing, changedMessageIds: changed };
  });
  await refreshReplyState(db, result.chatId);
  return result;
}
