import type { Db } from "@/lib/db/client";
import { publishTeamChange } from "./publish-team-change";

/**
 * Ends the snoozes that are due: back to OPEN, recorded by the system, published. One UPDATE claims the rows, so
 * with several app instances ticking each chat wakes once. Returns how many woke.
 */
export async function wakeSnoozedChats(db: Db, now: Date = new Date()): Promise<number> {
  const woken = await db.$queryRaw<{ id: string; account_id: string }[]>`
    UPDATE chats SET work_status = 'OPEN', snoozed_until = NULL
     WHERE work_status = 'SNOOZED' AND snoozed_until <= ${now}
    RETURNING id, account_id`;
  for (const chat of woken) {
    const activity = await db.chatActivity.create({
      data: { chatId: chat.id, accountId: chat.account_id, actorId: null, kind: "status", status: "OPEN" },
      select: { id: true },
    });
    await publishTeamChange(db, { accountId: chat.account_id, chatId: chat.id, activityId: activity.id });
  }
  return woken.length;
}
