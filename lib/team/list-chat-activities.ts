import { toActivityView, type ActivityView } from "@/lib/cache/activity-view";
import { findAccountChat } from "@/lib/chats/find-account-chat";
import type { Db } from "@/lib/db/client";

/** How many of a chat's newest trail lines are shown (older ones are rarely needed; the limit keeps the read flat). */
const ACTIVITY_LIMIT = 200;

/** The chat's team trail (assignments, statuses, notes), oldest first, the newest ACTIVITY_LIMIT lines. */
export async function listChatActivities(db: Db, accountId: string, chatId: string): Promise<{ activities: ActivityView[] }> {
  const chat = await findAccountChat(db, accountId, chatId);
  const rows = await db.chatActivity.findMany({
    where: { chatId: chat.id },
    orderBy: { id: "desc" },
    take: ACTIVITY_LIMIT,
    include: { actor: { select: { id: true, name: true } } },
  });
  return { activities: rows.reverse().map(toActivityView) };
}
