/**
 * The bench database is reused across runs whose emulators start afresh: chats a measurement writes to are put back
 * as they were afterwards (their rows, their messages' read state, without the messages it added), or the next run
 * would find them grown, unread and at the top of the list.
 */
import type pg from "pg";

export type ChatSnapshot = { restore(): Promise<void> };

/** Keeps `chatIds`' rows (as text: they hold uint64 ids a JS number would round) and their unread messages. */
export async function snapshotChats(sql: pg.Client, chatIds: string[], addedTextPrefix: string): Promise<ChatSnapshot> {
  const kept = await sql.query<{ id: string; row: string; unread: string[] }>(
    `SELECT c.id, row_to_json(c)::text AS row,
            (SELECT coalesce(array_agg(m.id), '{}') FROM messages m WHERE m.chat_id = c.id AND NOT m.is_read) AS unread
       FROM chats c WHERE c.id = ANY($1)`,
    [chatIds],
  );
  return {
    async restore() {
      const columns = await sql.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'chats' AND table_schema = current_schema() AND column_name <> 'id'`,
      );
      const list = columns.rows.map((c) => `"${c.column_name}"`).join(", ");
      // By text, not by id: a later emulator process may hand out ids below those of an earlier one.
      await sql.query(`DELETE FROM messages WHERE chat_id = ANY($1) AND text LIKE $2`, [chatIds, `${addedTextPrefix}%`]);
      for (const chat of kept.rows) {
        await sql.query(`UPDATE chats SET (${list}) = (SELECT ${list} FROM json_populate_record(null::chats, $1::json)) WHERE id = $2`, [chat.row, chat.id]);
        // Open tabs and the processor's reads marked them read.
        await sql.query(`UPDATE messages SET is_read = false WHERE id = ANY($1)`, [chat.unread]);
      }
    },
  };
}

/** Waits until the push processor has nothing left for the account (its verification reads write the chats). */
export async function waitForPushQueue(sql: pg.Client, accountId: string, timeoutMs: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
    const busy = await sql.query(`SELECT 1 FROM push_events WHERE account_id = $1 AND state IN ('PENDING', 'PROCESSING') LIMIT 1`, [accountId]);
    if (busy.rowCount === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
