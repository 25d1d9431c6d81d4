import { toChatView } from "@/lib/cache/chat-view";
import { toMessageView } from "@/lib/cache/message-view";
import { countWaitingChats } from "@/lib/cache/count-waiting-chats";
import { sumAccountUnread } from "@/lib/cache/sum-account-unread";
import type { Db } from "@/lib/db/client";
import { publishLiveEvent } from "./publish-live-event";
import { logger } from "@/lib/log/logger";

export type ChatChange = {
  accountId: string;
  /** Our Chat.id. */
  chatId: string;
  /** Ozon ids of the chat's messages that are new or changed. */
  messageIds?: bigint[];
};

/**
 * Tells the open tabs that a chat changed: kind "message" with those messages when `messageIds` is non-empty,
 * else kind "chat". Never throws: the change itself is already stored, and a tab that misses the event catches
 * up on its next refetch, so a failed publish must not fail the caller (a sync, a send, a push).
 */
export async function publishChatChange(db: Db, change: ChatChange): Promise<void> {
  try {
    const chat = await db.chat.findFirst({ where: { id: change.chatId, accountId: change.accountId } });
    if (!chat) return; // deleted meanwhile: nothing a tab could show
    const messageIds = change.messageIds ?? [];
    const messages =
      messageIds.length === 0
        ? []
        : await db.message.findMany({
            where: { chatId: chat.id, ozonMessageId: { in: messageIds } },
            orderBy: { ozonMessageId: "asc" },
            include: { sentBy: { select: { id: true, name: true } } },
          });
    const [totalUnread, queue] = await Promise.all([sumAccountUnread(db, change.accountId), countWaitingChats(db, change.accountId)]);
    const common = { accountId: change.accountId, chat: toChatView(chat), totalUnread, queue };
    await publishLiveEvent(
      db,
      messages.length > 0 ? { kind: "message", ...common, messages: messages.map(toMessageView) } : { kind: "chat", ...common },
    );
  } catch (error) {
    logger.warn({ chatId: change.chatId }, `live: could not publish a change of chat ${change.chatId}: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0]! : String(error);
}
