import type { Db } from "@/lib/db/client";
import { publishTeamChange } from "./publish-team-change";

/**
 * Returns to the unassigned pool the chats an agent may no longer own: all of them when the user is deactivated (or
 * gone), else those of accounts the user no longer works (an administrator works every account). Recorded by the
 * system and published; where the account assigns automatically, the awaiting ones are assigned again in turn.
 * Returns how many went back.
 */
export async function releaseUserChats(db: Db, userId: string): Promise<number> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { active: true, role: true, memberships: { select: { accountId: true } } },
  });
  const keep = !user || !user.active ? null : user.role === "ADMIN" ? "all" : user.memberships.map((m) => m.accountId);
  if (keep === "all") return 0;
  const released = await db.chat.findMany({
    where: { assigneeId: userId, ...(keep === null ? {} : { accountId: { notIn: keep } }) },
    select: { id: true, accountId: true, awaitingSince: true, account: { select: { autoAssign: true } } },
  });
  for (const chat of released) {
    // An awaiting chat of an account that assigns automatically goes to someone else in turn (auto-assign-chats.ts).
    const autoAssignPending = chat.account.autoAssign && chat.awaitingSince !== null;
    const updated = await db.chat.updateMany({ where: { id: chat.id, assigneeId: userId }, data: { assigneeId: null, autoAssignPending } });
    if (updated.count === 0) continue;
    const activity = await db.chatActivity.create({
      data: { chatId: chat.id, accountId: chat.accountId, actorId: null, kind: "unassigned" },
      select: { id: true },
    });
    await publishTeamChange(db, { accountId: chat.accountId, chatId: chat.id, activityId: activity.id });
  }
  return released.length;
}
