import type { DbClient } from "./db-client";

export type ReplyStateChange = {
  /** The chat's team status before and after (a buyer's new message reopens, our reply sets WAITING). */
  before: string;
  after: string;
  awaitingSince: Date | null;
};

/**
 * Brings a chat's reply state in line with the messages the cache holds, in one statement (called by every cache
 * writer after it stored messages or changed the chat's Ozon status: sync, import, push, our sends):
 *
 * - `last_buyer_message_at` (the start of Ozon's 48 h window, lib/reply-window) follows the buyer's newest message,
 *   and ends a refusal Ozon gave before it (`reply_refused_at`).
 * - `awaiting_since`: in an open buyer chat (or a product question or review, docs/questions-and-reviews.md) whose newest buyer ("customer") message is newer than our newest
 *   ("seller") one, the time of the buyer's first message after our last reply; otherwise null. Ozon's notices,
 *   support and system messages neither await nor answer. A reply written in Ozon's own portal is a seller
 *   message the sync stores like ours, so it answers too.
 * - `auto_assign_pending`: set when the chat begins awaiting unowned in an account with automatic assignment
 *   (lib/team/auto-assign-chats.ts assigns it), cleared when it no longer awaits.
 * - `work_status`: a buyer message newer than any the chat had, and newest of all, reopens a waiting, snoozed or
 *   resolved chat (OPEN); our reply newer than any the chat had, and newest of all, turns an OPEN chat WAITING
 *   (on the buyer). A snooze ends with the reopening.
 *
 * A reopening of a snoozed or resolved chat is written to its activity trail (by the system). Returns the change of
 * the team status, or null when the status did not change.
 */
export async function refreshReplyState(db: DbClient, chatId: string): Promise<ReplyStateChange | null> {
  const rows = await db.$queryRaw<{ before: string; after: string; awaiting_since: Date | null }[]>`
    WITH buyer AS (
      SELECT ozon_message_id, created_at FROM messages WHERE chat_id = ${chatId} AND author_type = 'customer'
       ORDER BY ozon_message_id DESC LIMIT 1
    ), ids AS (
      SELECT
        COALESCE((SELECT ozon_message_id FROM buyer), 0) AS buyer,
        (SELECT created_at FROM buyer) AS buyer_at,
        COALESCE((SELECT ozon_message_id FROM messages WHERE chat_id = ${chatId} AND author_type = 'seller'
                   ORDER BY ozon_message_id DESC LIMIT 1), 0) AS reply
    ), next AS (
      SELECT c.id, c.work_status AS before, ids.buyer, ids.reply,
        GREATEST(c.last_buyer_message_at, ids.buyer_at) AS buyer_at,
        CASE WHEN (c.is_buyer_chat OR c.type IN ('question', 'review')) AND c.status = 'OPENED' AND ids.buyer > ids.reply
             THEN (SELECT min(created_at) FROM messages
                    WHERE chat_id = ${chatId} AND author_type = 'customer' AND ozon_message_id > ids.reply)
        END AS awaiting,
        CASE
          WHEN ids.buyer > c.last_buyer_message_id AND ids.buyer > ids.reply THEN 'OPEN'::chat_work_status
          WHEN ids.reply > c.last_reply_message_id AND ids.reply > ids.buyer AND c.work_status = 'OPEN' THEN 'WAITING'::chat_work_status
          ELSE c.work_status
        END AS status
      FROM chats c, ids WHERE c.id = ${chatId}
    )
    UPDATE chats c
       SET last_buyer_message_id = next.buyer,
           last_buyer_message_at = next.buyer_at,
           -- The buyer writing again ends a refusal Ozon gave before it (lib/reply-window).
           reply_refused_at = CASE WHEN c.reply_refused_at <= next.buyer_at THEN NULL ELSE c.reply_refused_at END,
           last_reply_message_id = next.reply,
           awaiting_since = next.awaiting,
           -- Began awaiting, unowned, in an account that assigns automatically: the assigner's to-do (lib/team).
           auto_assign_pending = CASE
             WHEN next.awaiting IS NULL THEN false
             WHEN c.awaiting_since IS NULL AND c.assignee_id IS NULL
               THEN (SELECT a.auto_assign FROM seller_accounts a WHERE a.id = c.account_id)
             ELSE c.auto_assign_pending
           END,
           work_status = next.status,
           snoozed_until = CASE WHEN next.status = 'SNOOZED' THEN c.snoozed_until END
      FROM next
     WHERE c.id = next.id
       AND (c.last_buyer_message_id <> next.buyer OR c.last_reply_message_id <> next.reply
            OR c.last_buyer_message_at IS DISTINCT FROM next.buyer_at OR c.reply_refused_at <= next.buyer_at
            OR c.awaiting_since IS DISTINCT FROM next.awaiting OR c.work_status <> next.status)
    RETURNING next.before::text AS before, next.status::text AS after, next.awaiting AS awaiting_since`;
  const row = rows[0];
  if (!row || row.before === row.after) return null;
  // The buyer's message reopened a snoozed or resolved chat: the trail says so (by the system, not an agent).
  if (row.before === "SNOOZED" || row.before === "RESOLVED") {
    await db.$executeRaw`
      INSERT INTO chat_activities (chat_id, account_id, actor_id, kind, status)
      SELECT id, account_id, NULL, 'status', 'OPEN'::chat_work_status FROM chats WHERE id = ${chatId}`;
  }
  return { before: row.before, after: row.after, awaitingSince: row.awaiting_since };
}
