import type { OzonChatSummary } from "@/lib/ozon";
import type { ChatStatus } from "@/lib/db/generated/client";

import { runInTransaction, type DbClient } from "./db-client";
import { refreshReplyState } from "./refresh-reply-state";

export type StoreChatSummariesResult = {
  created: number;
  updated: number;
  /** Ozon chat id → our Chat.id, for every chat passed in. */
  chatIds: Map<string, string>;
};

/** Ozon's statuses are OPENED / CLOSED; UNSPECIFIED (or anything new) is shown as open rather than hidden. */
export function toChatStatus(ozonStatus: string): ChatStatus {
  return ozonStatus.toUpperCase() === "CLOSED" ? "CLOSED" : "OPENED";
}

/** Ozon's chat_type, lower-cased as the schema stores it ("buyer_seller", "seller_support"). */
function toChatType(ozonType: string): string {
  return ozonType.trim().toLowerCase();
}

// Large imports insert thousands of chats at once; a chunk keeps each statement well under PostgreSQL's
// 65 535 bind parameters.
const CHUNK = 500;

/**
 * Upserts chats as /v3/chat/list reports them, by (accountId, ozonChatId).
 *
 * lastMessageId only moves forward here: a list page read a moment before a message was stored (by the
 * sender or the sync) must not take it back. The sync itself decides "has this chat changed" from the
 * messages it holds, not from this column (see sync-account.ts), so writing a summary never hides messages
 * that are still to be fetched.
 */
export async function storeChatSummaries(
  db: DbClient,
  accountId: string,
  chats: OzonChatSummary[],
): Promise<StoreChatSummariesResult> {
  const result: StoreChatSummariesResult = { created: 0, updated: 0, chatIds: new Map() };
  // The last occurrence of a chat wins: later pages of one listing are newer.
  const unique = [...new Map(chats.map((c) => [c.chatId, c])).values()];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    await runInTransaction(db, async (tx) => {
      const existing = await tx.chat.findMany({
        where: { accountId, ozonChatId: { in: chunk.map((c) => c.chatId) } },
        select: {
          id: true,
          ozonChatId: true,
          type: true,
          isBuyerChat: true,
          status: true,
          createdAt: true,
          unreadCount: true,
          firstUnreadMessageId: true,
          lastMessageId: true,
        },
      });
      const byOzonId = new Map(existing.map((c) => [c.ozonChatId, c]));

      const fresh = chunk.filter((c) => !byOzonId.has(c.chatId));
      if (fresh.length > 0) {
        const created = await tx.chat.createMany({
          data: fresh.map((c) => ({
            accountId,
            ozonChatId: c.chatId,
            type: toChatType(c.chatType),
            isBuyerChat: c.isBuyerChat,
            status: toChatStatus(c.chatStatus),
            createdAt: new Date(c.createdAt),
            unreadCount: c.unreadCount,
            firstUnreadMessageId: BigInt(c.firstUnreadMessageId),
            lastMessageId: BigInt(c.lastMessageId),
          })),
          // Another writer may have created the chat since the read above; its row is as good as ours.
          skipDuplicates: true,
        });
        result.created += created.count;
      }

      for (const c of chunk) {
        const row = byOzonId.get(c.chatId);
        if (!row) continue;
        const next = {
          type: toChatType(c.chatType),
          isBuyerChat: c.isBuyerChat,
          status: toChatStatus(c.chatStatus),
          createdAt: new Date(c.createdAt),
          unreadCount: c.unreadCount,
          firstUnreadMessageId: BigInt(c.firstUnreadMessageId),
          lastMessageId: BigInt(c.lastMessageId) > row.lastMessageId ? BigInt(c.lastMessageId) : row.lastMessageId,
        };
        const same =
          row.type === next.type &&
          row.isBuyerChat === next.isBuyerChat &&
          row.status === next.status &&
          row.createdAt.getTime() === next.createdAt.getTime() &&
          row.unreadCount === next.unreadCount &&
          row.firstUnreadMessageId === next.firstUnreadMessageId &&
          row.lastMessageId === next.lastMessageId;
        if (same) continue;
        await tx.chat.update({ where: { id: row.id }, data: next });
        // A closed chat awaits no reply; a reopened one may again.
        if (row.status !== next.status) await refreshReplyState(tx, row.id);
        result.updated++;
      }

      const ids = await tx.chat.findMany({
        where: { accountId, ozonChatId: { in: chunk.map((c) => c.chatId) } },
        select: { id: true, ozonChatId: true },
      });
      for (const r of ids) result.chatIds.set(r.ozonChatId, r.id);
    });
  }
  return result;
}
