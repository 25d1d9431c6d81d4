import { CHATS_MESSAGES_FROM } from "./chat-turns-sql";

/**
 * What the chats `$1::text[]` add to their accounts' metric sums (metric_hours, metric_day_responses), from their turns
 * (chat_turns, just computed) and messages; the accounts' sums move by the difference from what the chats added before
 * (chat_metric_parts), which is replaced. Run by refreshChatTurns in its transaction, under each account's advisory
 * lock (a day's response array is rewritten from the row as read).
 *
 * Counters (docs/metrics.md "How the turns are kept"), per UTC hour and agent key ('' = none; '*' = every key's sum, the
 * team's row):
 * - per turn, at its start: turns, answered, response_ms, first_turns (turn 0), first_answered, first_response_ms,
 *   within_24h (answered within 24 h), closed_answered (answered after its 48 h window closed);
 * - per turn that has a turn before it, at that turn's start: next_turns, next_answered, next_within_24h (a range that
 *   holds both starts counts the later turn as not the chat's first in the range);
 * - per message: buyer_messages; per seller message: sent, chat_last_sent (no later seller message in the chat),
 *   agent_last_sent (none later by the same agent key): a chat was handled in a range ending now when it holds its
 *   last reply.
 */
/** metric_hours' counters, in the parts' order (c0 … c14). */
const SUM_COLUMNS = [
  "turns",
  "answered",
  "response_ms",
  "first_turns",
  "first_answered",
  "first_response_ms",
  "within_24h",
  "closed_answered",
  "next_turns",
  "next_answered",
  "next_within_24h",
  "buyer_messages",
  "sent",
  "chat_last_sent",
  "agent_last_sent",
];

export const METRIC_PARTS_SQL = `
WITH t AS (
  SELECT t.*, (extract(epoch FROM t.answered_at - t.started_at) * 1000)::bigint AS resp
    FROM chat_turns t WHERE t.chat_id = ANY($1::text[])
),
msg AS (
  SELECT m.chat_id, c.account_id, m.created_at, m.ozon_message_id, m.author_type = 'customer' AS is_buyer,
         CASE WHEN m.author_type = 'seller' THEN COALESCE(m.sent_by_user_id, o.user_id, '') END AS agent_key
${CHATS_MESSAGES_FROM}
),
sellers AS (
  SELECT s.*,
         row_number() OVER (PARTITION BY s.chat_id ORDER BY s.created_at DESC, s.ozon_message_id DESC) = 1 AS chat_last,
         row_number() OVER (PARTITION BY s.chat_id, s.agent_key ORDER BY s.created_at DESC, s.ozon_message_id DESC) = 1 AS agent_last
    FROM msg s WHERE NOT s.is_buyer
),
parts AS (
  SELECT t.chat_id, t.account_id, date_trunc('hour', t.started_at) AS hour, COALESCE(t.answered_by, '') AS agent_key,
         1 AS c0, (t.answered_at IS NOT NULL)::int AS c1, COALESCE(t.resp, 0) AS c2, (t.turn_index = 0)::int AS c3,
         (t.turn_index = 0 AND t.answered_at IS NOT NULL)::int AS c4, CASE WHEN t.turn_index = 0 THEN COALESCE(t.resp, 0) ELSE 0 END AS c5,
         COALESCE(t.answered_at <= t.started_at + interval '24 hours', false)::int AS c6,
         COALESCE(t.answered_at > t.last_buyer_at + interval '48 hours', false)::int AS c7,
         0 AS c8, 0 AS c9, 0 AS c10, 0 AS c11, 0 AS c12, 0 AS c13, 0 AS c14
    FROM t
  UNION ALL
  SELECT t.chat_id, t.account_id, date_trunc('hour', t.prev_started_at), COALESCE(t.answered_by, ''),
         0, 0, 0, 0, 0, 0, 0, 0,
         1, (t.answered_at IS NOT NULL)::int, COALESCE(t.answered_at <= t.started_at + interval '24 hours', false)::int,
         0, 0, 0, 0
    FROM t WHERE t.prev_started_at IS NOT NULL
  UNION ALL
  SELECT m.chat_id, m.account_id, date_trunc('hour', m.created_at), '', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0
    FROM msg m WHERE m.is_buyer
  UNION ALL
  SELECT s.chat_id, s.account_id, date_trunc('hour', s.created_at), s.agent_key, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
         0, 1, s.chat_last::int, s.agent_last::int
    FROM sellers s
),
new_hours AS (
  SELECT p.chat_id, p.account_id, p.hour, p.agent_key,
         sum(p.c0)::bigint AS c0, sum(p.c1)::bigint AS c1, sum(p.c2)::bigint AS c2, sum(p.c3)::bigint AS c3,
         sum(p.c4)::bigint AS c4, sum(p.c5)::bigint AS c5, sum(p.c6)::bigint AS c6, sum(p.c7)::bigint AS c7,
         sum(p.c8)::bigint AS c8, sum(p.c9)::bigint AS c9, sum(p.c10)::bigint AS c10, sum(p.c11)::bigint AS c11,
         sum(p.c12)::bigint AS c12, sum(p.c13)::bigint AS c13, sum(p.c14)::bigint AS c14
    FROM parts p GROUP BY p.chat_id, p.account_id, p.hour, p.agent_key
),
new_resp AS (
  SELECT t.chat_id, t.account_id, date_trunc('day', t.started_at) AS day, COALESCE(t.answered_by, '') AS agent_key, t.resp
    FROM t WHERE t.answered_at IS NOT NULL
),
old AS (
  SELECT p.chat_id, p.account_id, p.hours, p.responses FROM chat_metric_parts p WHERE p.chat_id = ANY($1::text[])
),
old_hours AS (
  SELECT o.account_id, (x->>0)::timestamp AS hour, x->>1 AS agent_key,
         (x->>2)::bigint AS c0, (x->>3)::bigint AS c1, (x->>4)::bigint AS c2, (x->>5)::bigint AS c3, (x->>6)::bigint AS c4,
         (x->>7)::bigint AS c5, (x->>8)::bigint AS c6, (x->>9)::bigint AS c7, (x->>10)::bigint AS c8, (x->>11)::bigint AS c9,
         (x->>12)::bigint AS c10, (x->>13)::bigint AS c11, (x->>14)::bigint AS c12, (x->>15)::bigint AS c13, (x->>16)::bigint AS c14
    FROM old o CROSS JOIN LATERAL jsonb_array_elements(o.hours) x
),
old_resp AS (
  SELECT o.account_id, (x->>0)::timestamp AS day, x->>1 AS agent_key, (x->>2)::bigint AS resp
    FROM old o CROSS JOIN LATERAL jsonb_array_elements(o.responses) x
),
delta AS (
  SELECT d.account_id, d.hour, d.agent_key,
         sum(d.c0) AS c0, sum(d.c1) AS c1, sum(d.c2) AS c2, sum(d.c3) AS c3, sum(d.c4) AS c4, sum(d.c5) AS c5,
         sum(d.c6) AS c6, sum(d.c7) AS c7, sum(d.c8) AS c8, sum(d.c9) AS c9, sum(d.c10) AS c10, sum(d.c11) AS c11,
         sum(d.c12) AS c12, sum(d.c13) AS c13, sum(d.c14) AS c14
    FROM (
      SELECT n.account_id, n.hour, n.agent_key, n.c0, n.c1, n.c2, n.c3, n.c4, n.c5, n.c6, n.c7, n.c8, n.c9, n.c10, n.c11, n.c12, n.c13, n.c14
        FROM new_hours n
      UNION ALL
      SELECT o.account_id, o.hour, o.agent_key, -o.c0, -o.c1, -o.c2, -o.c3, -o.c4, -o.c5, -o.c6, -o.c7, -o.c8, -o.c9, -o.c10,
             -o.c11, -o.c12, -o.c13, -o.c14
        FROM old_hours o
    ) d
   GROUP BY d.account_id, d.hour, d.agent_key
  HAVING sum(d.c0) <> 0 OR sum(d.c1) <> 0 OR sum(d.c2) <> 0 OR sum(d.c3) <> 0 OR sum(d.c4) <> 0 OR sum(d.c5) <> 0
      OR sum(d.c6) <> 0 OR sum(d.c7) <> 0 OR sum(d.c8) <> 0 OR sum(d.c9) <> 0 OR sum(d.c10) <> 0 OR sum(d.c11) <> 0
      OR sum(d.c12) <> 0 OR sum(d.c13) <> 0 OR sum(d.c14) <> 0
),
apply_hours AS (
  INSERT INTO metric_hours (account_id, hour, agent_key, ${SUM_COLUMNS.join(", ")})
  SELECT d.account_id, d.hour, d.agent_key, d.c0, d.c1, d.c2, d.c3, d.c4, d.c5, d.c6, d.c7, d.c8, d.c9, d.c10, d.c11,
         d.c12, d.c13, d.c14
    FROM delta d
  UNION ALL
  SELECT d.account_id, d.hour, '*', sum(d.c0), sum(d.c1), sum(d.c2), sum(d.c3), sum(d.c4), sum(d.c5), sum(d.c6), sum(d.c7),
         sum(d.c8), sum(d.c9), sum(d.c10), sum(d.c11), sum(d.c12), sum(d.c13), sum(d.c14)
    FROM delta d GROUP BY d.account_id, d.hour
  ON CONFLICT (account_id, hour, agent_key) DO UPDATE
     SET ${SUM_COLUMNS.map((column) => `${column} = metric_hours.${column} + EXCLUDED.${column}`).join(", ")}
),
resp_changed AS (
  SELECT x.account_id, x.day, x.agent_key,
         COALESCE(array_agg(x.resp ORDER BY x.resp) FILTER (WHERE x.added), '{}') AS added,
         COALESCE(array_agg(x.resp ORDER BY x.resp) FILTER (WHERE NOT x.added), '{}') AS removed
    FROM (SELECT r.account_id, r.day, r.agent_key, r.resp, true AS added FROM new_resp r
          UNION ALL
          SELECT o.account_id, o.day, o.agent_key, o.resp, false FROM old_resp o) x
   GROUP BY x.account_id, x.day, x.agent_key
  HAVING array_agg(x.resp ORDER BY x.resp) FILTER (WHERE x.added) IS DISTINCT FROM array_agg(x.resp ORDER BY x.resp) FILTER (WHERE NOT x.added)
),
apply_resp AS (
  INSERT INTO metric_day_responses (account_id, day, agent_key, responses)
  SELECT k.account_id, k.day, k.agent_key,
         ARRAY(SELECT v FROM (
                 (SELECT unnest(COALESCE(cur.responses, '{}'::bigint[])) AS v EXCEPT ALL SELECT unnest(k.removed))
                 UNION ALL SELECT unnest(k.added)) x ORDER BY v)
    FROM resp_changed k
    LEFT JOIN metric_day_responses cur ON cur.account_id = k.account_id AND cur.day = k.day AND cur.agent_key = k.agent_key
  ON CONFLICT (account_id, day, agent_key) DO UPDATE SET responses = EXCLUDED.responses
),
hours_json AS (
  SELECT n.chat_id, jsonb_agg(jsonb_build_array(n.hour, n.agent_key, n.c0, n.c1, n.c2, n.c3, n.c4, n.c5, n.c6, n.c7, n.c8,
                                                n.c9, n.c10, n.c11, n.c12, n.c13, n.c14)) AS hours
    FROM new_hours n GROUP BY n.chat_id
),
resp_json AS (
  SELECT r.chat_id, jsonb_agg(jsonb_build_array(r.day, r.agent_key, r.resp)) AS responses FROM new_resp r GROUP BY r.chat_id
)
INSERT INTO chat_metric_parts (chat_id, account_id, hours, responses)
SELECT c.id, c.account_id, COALESCE(h.hours, '[]'::jsonb), COALESCE(r.responses, '[]'::jsonb)
  FROM chats c
  LEFT JOIN hours_json h ON h.chat_id = c.id
  LEFT JOIN resp_json r ON r.chat_id = c.id
 WHERE c.id = ANY($1::text[])
ON CONFLICT (chat_id) DO UPDATE SET hours = EXCLUDED.hours, responses = EXCLUDED.responses`;
