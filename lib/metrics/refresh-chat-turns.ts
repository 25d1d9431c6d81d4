import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { claimLeaseRows } from "@/lib/jobs/claim-lease-rows";

import { CHAT_TURN_COLUMNS, CHAT_TURNS_SELECT } from "./chat-turns-sql";
import { CHAT_TURN_MARKS } from "./chat-turn-marks";
import { METRIC_PARTS_SQL } from "./metric-parts-sql";

/** Long enough for a batch's statement; a refresh that died is taken over by another afterwards. */
const CLAIM_TTL_MS = 60_000;
/** The first key of the per-account advisory lock under which an account's metric sums change (the second: its hash). */
const METRIC_SUMS_LOCK = 17_001;

/**
 * Computes the turns (chat_turns) of up to `limit` marked chats again from their messages (chat_turn_marks, set by
 * the cache's writers), oldest mark first, only the account's with `accountId`. The marks are claimed in PostgreSQL
 * (lib/jobs), so two instances (or a page's catch-up and the background loop) never compute the same chat at once;
 * a mark whose version grew meanwhile (a message stored during the computation) stays for the next refresh. In the
 * same transaction the accounts' metric sums move by what the chats' parts changed (METRIC_PARTS_SQL), under each
 * account's advisory lock, taken in one order.
 * Returns how many chats were computed (0: nothing was claimable).
 */
export async function refreshChatTurns(db: Db, input: { limit: number; accountId?: string }): Promise<number> {
  const claimed = await claimLeaseRows<{ chat_id: string; account_id: string; version: number }>(
    db,
    CHAT_TURN_MARKS,
    {
      ttlMs: CLAIM_TTL_MS,
      limit: input.limit,
      ...(input.accountId !== undefined ? { where: Prisma.sql`account_id = ${input.accountId}` } : {}),
    },
    ["chat_id", "account_id", "version"],
  );
  if (claimed.length === 0) return 0;
  const ids = claimed.map((row) => row.chat_id);
  const versions = claimed.map((row) => row.version);
  const accounts = [...new Set(claimed.map((row) => row.account_id))].sort();
  await db.$transaction(async (tx) => {
    for (const accountId of accounts) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${METRIC_SUMS_LOCK}::int, hashtext(${accountId}))`;
    // Rows that did not change are not written again; a concurrent computation of the same chat (a claim taken
    // over after its lease ran out) meets this one's rows instead of failing on them.
    await tx.$executeRawUnsafe(
      `WITH fresh AS (${CHAT_TURNS_SELECT}),
            gone AS (
              DELETE FROM chat_turns t
               WHERE t.chat_id = ANY($1::text[])
                 AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.chat_id = t.chat_id AND f.turn_index = t.turn_index))
       INSERT INTO chat_turns (${CHAT_TURN_COLUMNS})
       SELECT ${CHAT_TURN_COLUMNS} FROM fresh
       ON CONFLICT (chat_id, turn_index) DO UPDATE
          SET started_at = EXCLUDED.started_at, prev_started_at = EXCLUDED.prev_started_at,
              last_buyer_at = EXCLUDED.last_buyer_at, answered_at = EXCLUDED.answered_at,
              answer_message_id = EXCLUDED.answer_message_id, answered_by = EXCLUDED.answered_by
        WHERE (chat_turns.started_at, chat_turns.prev_started_at, chat_turns.last_buyer_at, chat_turns.answered_at,
               chat_turns.answer_message_id, chat_turns.answered_by)
              IS DISTINCT FROM (EXCLUDED.started_at, EXCLUDED.prev_started_at, EXCLUDED.last_buyer_at,
                                EXCLUDED.answered_at, EXCLUDED.answer_message_id, EXCLUDED.answered_by)`,
      ids,
    );
    await tx.$executeRawUnsafe(METRIC_PARTS_SQL, ids);
    await tx.$executeRaw`
      DELETE FROM chat_turn_marks k
       USING unnest(${ids}::text[], ${versions}::int[]) AS done(chat_id, version)
       WHERE k.chat_id = done.chat_id AND k.version = done.version`;
    // Marked again while computing: claimable again at once.
    await tx.$executeRaw`UPDATE chat_turn_marks SET lease_until = NULL WHERE chat_id = ANY(${ids}::text[])`;
  });
  return claimed.length;
}
