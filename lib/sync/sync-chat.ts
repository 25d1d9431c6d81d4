import type { PrismaClient } from "@/lib/db/generated/client";
import { getChatHistory, type OzonChatMessage, type OzonChatSummary, type OzonConnection } from "@/lib/ozon";

import type { CachedChat } from "@/lib/cache/load-cached-chats";
import { storeChatSummaries, toChatStatus } from "@/lib/cache/store-chat-summaries";
import { storeMessages } from "@/lib/cache/store-messages";

export type SyncChatContext = {
  db: PrismaClient;
  accountId: string;
  connection: OzonConnection;
  signal?: AbortSignal;
  /** Called between history pages (renews the lease). */
  heartbeat: () => Promise<void>;
  /** Counts Ozon history calls. */
  onHistoryCall: () => void;
};

const HISTORY_PAGE = 1000;
/** uint64's largest value: a cap that keeps every message. */
export const NO_HISTORY_CAP = 18_446_744_073_709_551_615n;

/**
 * Whether the cache already shows the chat as the list does. "Holds a message at least as new as the list's
 * last message" rather than equality: a message the inbox itself just stored may be newer than the listing.
 */
export function isChatUpToDate(entry: OzonChatSummary, cached: CachedChat | undefined): boolean {
  return (
    cached !== undefined &&
    BigInt(entry.lastMessageId) <= cached.newestMessageId &&
    entry.unreadCount === cached.unreadCount &&
    toChatStatus(entry.chatStatus) === cached.status
  );
}

/**
 * Brings one chat to the state of a list entry: its messages up to the entry's last_message_id, then its
 * summary (unread count, status).
 *
 * Messages newer than the entry are left for the next pass on purpose: the cache then matches a listing
 * exactly, which is what lets the incremental poll stop at the first unchanged chat (a chat that looks
 * unchanged was synced after every chat below it last moved).
 *
 * A new chat's history is read backward from its last message and stored oldest first; a known chat is read
 * forward from its oldest message that may still change on Ozon's side (unread, image under moderation), or
 * else from its newest one. The summary of a known chat is written last, so an interruption leaves the chat
 * looking changed to the next pass, never falsely up to date.
 */
export async function syncChat(ctx: SyncChatContext, entry: OzonChatSummary, cached: CachedChat | undefined): Promise<{ inserted: number }> {
  const { db, accountId } = ctx;
  let chatId = cached?.id;
  if (!chatId) {
    const stored = await storeChatSummaries(db, accountId, [entry]);
    chatId = stored.chatIds.get(entry.chatId)!;
  }
  const cap = BigInt(entry.lastMessageId);
  let inserted = 0;
  if (cap > 0n) {
    const newest = cached?.newestMessageId ?? 0n;
    let messages: OzonChatMessage[] | null = null;
    if (newest === 0n) {
      messages = await readHistory(ctx, entry.chatId, "Backward", cap, cap);
    } else {
      const stale = await db.message.findFirst({
        where: { chatId, OR: [{ isRead: false }, { moderationStatus: "MODERATION" }] },
        orderBy: { ozonMessageId: "asc" },
        select: { ozonMessageId: true },
      });
      const from = stale && stale.ozonMessageId < newest ? stale.ozonMessageId : newest;
      // Nothing new and nothing that could have changed: the summary alone is stale.
      if (newest < cap || stale) messages = await readHistory(ctx, entry.chatId, "Forward", from, cap);
    }
    if (messages && messages.length > 0) inserted = (await storeMessages(db, { id: chatId }, messages)).inserted;
    // A backward read runs to the chat's first message: the inbox can then show the whole chat without asking Ozon.
    if (newest === 0n) await db.chat.update({ where: { id: chatId }, data: { historyStartReached: true } });
  } else {
    await db.chat.update({ where: { id: chatId }, data: { historyStartReached: true } });
  }
  if (cached) await storeChatSummaries(db, accountId, [entry]);
  return { inserted };
}

/**
 * Reads a chat's history page by page, keeping messages up to `cap` (the newest the listing named): Backward from
 * `cap` to the chat's start, or Forward from `start` until `cap`. The push processor reads Forward with no cap
 * (NO_HISTORY_CAP) to verify what pushes delivered.
 */
export async function readHistory(
  ctx: SyncChatContext,
  chatId: string,
  direction: "Forward" | "Backward",
  start: bigint,
  cap: bigint,
): Promise<OzonChatMessage[]> {
  const byId = new Map<bigint, OzonChatMessage>();
  let from = start;
  for (;;) {
    ctx.signal?.throwIfAborted();
    await ctx.heartbeat();
    ctx.onHistoryCall();
    const page = await getChatHistory(
      ctx.connection,
      { chatId, direction, fromMessageId: from, limit: HISTORY_PAGE },
      { signal: ctx.signal },
    );
    let next = from;
    let added = 0;
    for (const m of page.messages) {
      const id = BigInt(m.messageId);
      if (direction === "Forward" && id > next) next = id;
      if (id > cap || byId.has(id)) continue;
      byId.set(id, m);
      added++;
      if (direction === "Backward" && id < next) next = id;
    }
    // from_message_id is inclusive [inf]: the next page repeats this page's last message; stop when nothing new comes.
    if (!page.hasNext || added === 0 || (direction === "Forward" && next >= cap)) break;
    from = next;
  }
  return [...byId.values()];
}
