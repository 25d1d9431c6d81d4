import type { DbClient } from "./db-client";

/**
 * Marks a buyer chat's turns (chat_turns, docs/metrics.md) to be computed again from its messages: called by the cache's
 * writers in the transaction that stored or attributed its messages, so a refresh that claims the mark afterwards sees
 * them. A mark already there gets a new version: a refresh that computed from the older messages leaves it set.
 * Support and notification chats have no turns and are not marked.
 */
export async function markChatTurns(db: DbClient, chatId: string): Promise<void> {
  await db.$executeRaw`
    INSERT INTO chat_turn_marks (chat_id, account_id, version, marked_at)
    SELECT id, account_id, 1, now() AT TIME ZONE 'UTC' FROM chats WHERE id = ${chatId} AND is_buyer_chat
    ON CONFLICT (chat_id) DO UPDATE
       SET version = chat_turn_marks.version + 1, marked_at = EXCLUDED.marked_at`;
}
