import { toActivityView } from "@/lib/cache/activity-view";
import { toChatView } from "@/lib/cache/chat-view";
import { sumAccountUnread } from "@/lib/cache/sum-account-unread";
import type { Db } from "@/lib/db/client";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { logger } from "@/lib/log/logger";

/**
 * Tells every tab of the account that a chat's team side changed (owner, status, a note), with the chat as it now
 * is and the trail's new line. Never throws: the change is stored; a tab that misses it catches up on its refetch.
 */
export async function publishTeamChange(db: Db, change: { accountId: string; chatId: string; activityId?: bigint | null }): Promise<void> {
  try {
    const [chat, activity, totalUnread] = await Promise.all([
      db.chat.findFirst({ where: { id: change.chatId, accountId: change.accountId } }),
      change.activityId
        ? db.chatActivity.findUnique({ where: { id: change.activityId }, include: { actor: { select: { id: true, name: true } } } })
        : null,
      sumAccountUnread(db, change.accountId),
    ]);
    if (!chat) return;
    await publishLiveEvent(db, {
      kind: "team",
      accountId: change.accountId,
      chat: toChatView(chat),
      activity: activity ? toActivityView(activity) : null,
      totalUnread,
    });
  } catch (error) {
    logger.warn({ chatId: change.chatId }, `team: could not publish a change of chat ${change.chatId}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
}
