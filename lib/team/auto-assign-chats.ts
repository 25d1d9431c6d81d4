import type { Db } from "@/lib/db/client";
import { publishTeamChange } from "./publish-team-change";

/** The first key of the per-account advisory lock every assigner takes (the second is the account's hash). */
const AUTO_ASSIGN_LOCK = 7_202_615;
const BATCH = 100;

/**
 * Automatic assignment, run on every tick of the sync scheduler by each instance: every chat that began awaiting a
 * reply unowned in an account with the option on (chats.auto_assign_pending, set by lib/cache/refresh-reply-state.ts
 * and by releaseUserChats) goes to the account's next member in turn — round-robin: the one given a chat longest ago
 * (account_memberships.auto_assign_turn) — among those who are:
 *
 * - members of the account (account_memberships: agents, and administrators who were given the account), active;
 * - online: a tab of the app open with its live stream connected (users.online_until, renewed by the stream's
 *   heartbeats, lib/team/record-user-online.ts; a closed tab is offline within three heartbeats);
 * - under the account's cap of OPEN chats they own there (seller_accounts.auto_assign_cap).
 *
 * A chat nobody can take now (everyone offline or at the cap) waits, and is assigned on a later tick. A chat that no
 * longer qualifies (someone assigned it, it was answered, resolved or snoozed, Ozon's window closed, the option was
 * turned off) leaves the to-do. Each chat is decided in a transaction under the account's advisory lock, so several
 * instances never assign one chat twice, and the counts a cap is checked against include every assignment before.
 * Recorded as the system's and automatic (the trail and the assignee's notice say so), published. Returns how many chats were assigned.
 */
export async function autoAssignChats(db: Db, now: Date = new Date()): Promise<number> {
  const pending = await db.chat.findMany({
    where: { autoAssignPending: true },
    select: { id: true, accountId: true },
    orderBy: [{ awaitingSince: "asc" }, { id: "asc" }],
    take: BATCH,
  });
  let assigned = 0;
  for (const chat of pending) {
    const activityId = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUTO_ASSIGN_LOCK}::int, hashtext(${chat.accountId}))`;
      const [row] = await tx.$queryRaw<{ eligible: boolean; pick: string | null }[]>`
        SELECT
          (c.assignee_id IS NULL AND a.auto_assign AND c.work_status = 'OPEN' AND c.awaiting_since IS NOT NULL
            AND c.status = 'OPENED' AND c.reply_refused_at IS NULL
            AND (c.reply_until > ${now} OR (c.reply_until IS NULL AND c.reply_closed_reason IS NULL))) AS eligible,
          (SELECT m.user_id FROM account_memberships m JOIN users u ON u.id = m.user_id
            WHERE m.account_id = c.account_id AND u.active AND u.online_until > ${now}
              AND (SELECT count(*) FROM chats o
                    WHERE o.account_id = c.account_id AND o.assignee_id = m.user_id AND o.work_status = 'OPEN') < a.auto_assign_cap
            ORDER BY m.auto_assign_turn, m.user_id
            LIMIT 1) AS pick
          FROM chats c JOIN seller_accounts a ON a.id = c.account_id
         WHERE c.id = ${chat.id} AND c.auto_assign_pending`;
      if (!row) return null; // another instance took it meanwhile
      if (!row.eligible) {
        await tx.chat.update({ where: { id: chat.id }, data: { autoAssignPending: false } });
        return null;
      }
      if (row.pick === null) return null; // nobody can take it now: it waits
      await tx.chat.update({ where: { id: chat.id }, data: { assigneeId: row.pick, autoAssignPending: false } });
      await tx.$executeRaw`
        UPDATE account_memberships
           SET auto_assign_turn = (SELECT max(auto_assign_turn) + 1 FROM account_memberships WHERE account_id = ${chat.accountId})
         WHERE user_id = ${row.pick} AND account_id = ${chat.accountId}`;
      const activity = await tx.chatActivity.create({
        data: { chatId: chat.id, accountId: chat.accountId, actorId: null, automatic: true, kind: "assigned", assigneeId: row.pick },
        select: { id: true },
      });
      return activity.id;
    });
    if (activityId === null) continue;
    assigned += 1;
    await publishTeamChange(db, { accountId: chat.accountId, chatId: chat.id, activityId });
  }
  return assigned;
}
