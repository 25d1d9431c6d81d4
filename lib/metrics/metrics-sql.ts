/**
 * The SQL statement behind the metrics page (lib/metrics/load-account-metrics.ts). Kept apart so the bench can
 * replay it beside the route (bench/measure-routes.ts). Definitions: docs/metrics.md.
 *
 * Parameters: $1 account id, $2 range start, $3 range end, $4 now (ISO strings, UTC), $5 IANA time zone of the
 * seller's days and hours, $6 an agent's user id to restrict the figures to (or NULL for the whole team).
 *
 * How: the turns (chat_turns, kept up to date from the messages by lib/metrics/refresh-chat-turns.ts) that start in
 * the range; a chat's first turn ever is its turn 0, its first in the range the one whose previous turn started
 * before the range. The messages sent and the buyer's messages of the range come from the messages themselves (each
 * seller message with its agent: the sender link, else the outbox row that sent it; none = Ozon's portal). Then plain
 * aggregates. Timestamps are stored as UTC without a zone, hence the AT TIME ZONE pairs.
 */
/** The statements' parameters ($2–$4 ISO instants as UTC wall times, as the tables store them). */
export const METRICS_PARAMS = `WITH params AS (
  SELECT ($2::timestamptz AT TIME ZONE 'UTC') AS range_from,
         ($3::timestamptz AT TIME ZONE 'UTC') AS range_to,
         ($4::timestamptz AT TIME ZONE 'UTC') AS now_at,
         $5::text AS tz,
         $6::text AS agent
),`;

/** The agents' rows (from a CTE agent_rows) as the answer's JSON, by name. */
export const AGENTS_JSON = `  (SELECT COALESCE(json_agg(json_build_object(
     'agentId', r.agent_id, 'agentName', r.agent_name, 'answered', r.answered, 'firstAnswered', r.first_answered,
     'firstResponseSeconds', r.first_response_s, 'avgResponseSeconds', r.avg_response_s,
     'medianResponseSeconds', r.median_response_s, 'dialogs', r.dialogs, 'dialogsWithin24h', r.dialogs_within_24h,
     'messagesSent', r.messages_sent, 'chatsHandled', r.chats_handled) ORDER BY r.agent_name NULLS LAST, r.agent_id), '[]'::json)
     FROM agent_rows r) AS agents,`;

export const ACCOUNT_METRICS_SQL = `
${METRICS_PARAMS}
msgs AS (
  SELECT m.chat_id,
         m.created_at,
         m.author_type = 'customer' AS is_buyer,
         m.author_type = 'seller' AS is_seller,
         CASE WHEN m.author_type = 'seller' THEN COALESCE(m.sent_by_user_id, o.user_id) END AS agent_id
    FROM chats c
    CROSS JOIN params p
    JOIN messages m ON m.chat_id = c.id
    LEFT JOIN outbox o
      ON m.author_type = 'seller' AND m.sent_by_user_id IS NULL
     AND o.chat_id = m.chat_id AND o.ozon_message_id = m.ozon_message_id AND o.state = 'SENT'
   WHERE c.account_id = $1 AND c.is_buyer_chat AND c.last_message_at >= p.range_from
     AND m.created_at >= p.range_from AND m.created_at < p.range_to AND m.author_type IN ('customer', 'seller')
),
range_turns AS (
  SELECT t.chat_id,
         t.started_at,
         t.answered_at,
         t.answered_by,
         t.turn_index = 0 AS is_first,
         t.prev_started_at IS NULL OR t.prev_started_at < p.range_from AS is_dialog,
         extract(epoch FROM t.answered_at - t.started_at)::float8 AS response_s,
         t.answered_at IS NOT NULL OR t.started_at + interval '24 hours' <= p.now_at AS dialog_counted,
         t.answered_at IS NOT NULL AND t.answered_at <= t.started_at + interval '24 hours' AS within_24h,
         t.last_buyer_at + interval '48 hours' <= p.now_at
           AND (t.answered_at IS NULL OR t.answered_at > t.last_buyer_at + interval '48 hours') AS window_closed,
         (t.started_at AT TIME ZONE 'UTC') AT TIME ZONE p.tz AS local_at
    FROM chat_turns t
    CROSS JOIN params p
   WHERE t.account_id = $1 AND t.started_at >= p.range_from AND t.started_at < p.range_to
),
scoped_turns AS (
  SELECT t.* FROM range_turns t CROSS JOIN params p WHERE p.agent IS NULL OR t.answered_by = p.agent
),
sent AS (
  SELECT m.chat_id, m.agent_id, (m.created_at AT TIME ZONE 'UTC') AT TIME ZONE p.tz AS local_at
    FROM msgs m CROSS JOIN params p
   WHERE m.is_seller AND (p.agent IS NULL OR m.agent_id = p.agent)
),
buyer_msgs AS (
  SELECT (m.created_at AT TIME ZONE 'UTC') AT TIME ZONE p.tz AS local_at
    FROM msgs m CROSS JOIN params p
   WHERE m.is_buyer AND p.agent IS NULL
),
by_agent AS (
  SELECT COALESCE(t.answered_by, '') AS agent_key,
         count(*)::int AS answered,
         count(*) FILTER (WHERE t.is_first)::int AS first_answered,
         avg(t.response_s) FILTER (WHERE t.is_first) AS first_response_s,
         avg(t.response_s) AS avg_response_s,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY t.response_s) AS median_response_s,
         count(*) FILTER (WHERE t.is_dialog)::int AS dialogs,
         count(*) FILTER (WHERE t.is_dialog AND t.within_24h)::int AS dialogs_within_24h
    FROM scoped_turns t
   WHERE t.answered_at IS NOT NULL
   GROUP BY 1
),
sent_by_agent AS (
  SELECT COALESCE(s.agent_id, '') AS agent_key, count(*)::int AS messages_sent, count(DISTINCT s.chat_id)::int AS chats_handled
    FROM sent s GROUP BY 1
),
agent_rows AS (
  SELECT NULLIF(COALESCE(a.agent_key, s.agent_key), '') AS agent_id,
         u.name AS agent_name,
         COALESCE(a.answered, 0) AS answered,
         COALESCE(a.first_answered, 0) AS first_answered,
         a.first_response_s, a.avg_response_s, a.median_response_s,
         COALESCE(a.dialogs, 0) AS dialogs,
         COALESCE(a.dialogs_within_24h, 0) AS dialogs_within_24h,
         COALESCE(s.messages_sent, 0) AS messages_sent,
         COALESCE(s.chats_handled, 0) AS chats_handled
    FROM by_agent a
    FULL JOIN sent_by_agent s ON s.agent_key = a.agent_key
    LEFT JOIN users u ON u.id = COALESCE(a.agent_key, s.agent_key)
)
SELECT
  (SELECT json_build_object(
     'turns', count(*)::int,
     'answered', count(*) FILTER (WHERE t.answered_at IS NOT NULL)::int,
     'firstTurns', count(*) FILTER (WHERE t.is_first)::int,
     'firstAnswered', count(*) FILTER (WHERE t.is_first AND t.answered_at IS NOT NULL)::int,
     'firstResponseSeconds', avg(t.response_s) FILTER (WHERE t.is_first),
     'avgResponseSeconds', avg(t.response_s),
     'medianResponseSeconds', percentile_cont(0.5) WITHIN GROUP (ORDER BY t.response_s),
     'dialogs', count(*) FILTER (WHERE t.is_dialog AND t.dialog_counted)::int,
     'dialogsWithin24h', count(*) FILTER (WHERE t.is_dialog AND t.within_24h)::int,
     'windowsClosedUnanswered', count(*) FILTER (WHERE t.window_closed)::int)
     FROM scoped_turns t) AS team,
  (SELECT json_build_object('messagesSent', count(*)::int, 'chatsHandled', count(DISTINCT s.chat_id)::int) FROM sent s) AS team_sent,
  (SELECT count(*)::int FROM buyer_msgs) AS buyer_messages,
${AGENTS_JSON}
  (SELECT COALESCE(json_agg(d ORDER BY d.day), '[]'::json) FROM (
     SELECT x.day::text AS day, sum(x.buyer_messages)::int AS "buyerMessages", sum(x.turns)::int AS turns,
            sum(x.answered)::int AS answered, sum(x.response_sum) / NULLIF(sum(x.answered), 0) AS "avgResponseSeconds",
            sum(x.sent)::int AS "messagesSent"
       FROM (
         SELECT t.local_at::date AS day, 0 AS buyer_messages, 1 AS turns, (t.answered_at IS NOT NULL)::int AS answered,
                COALESCE(t.response_s, 0) AS response_sum, 0 AS sent FROM scoped_turns t
         UNION ALL SELECT b.local_at::date, 1, 0, 0, 0, 0 FROM buyer_msgs b
         UNION ALL SELECT s.local_at::date, 0, 0, 0, 0, 1 FROM sent s
       ) x GROUP BY x.day) d) AS by_day,
  (SELECT COALESCE(json_agg(h ORDER BY h.dow, h.hour), '[]'::json) FROM (
     SELECT x.dow, x.hour, sum(x.buyer_messages)::int AS "buyerMessages", sum(x.turns)::int AS turns,
            sum(x.answered)::int AS answered, sum(x.response_sum) / NULLIF(sum(x.answered), 0) AS "avgResponseSeconds"
       FROM (
         SELECT extract(isodow FROM t.local_at)::int AS dow, extract(hour FROM t.local_at)::int AS hour, 0 AS buyer_messages,
                1 AS turns, (t.answered_at IS NOT NULL)::int AS answered, COALESCE(t.response_s, 0) AS response_sum FROM scoped_turns t
         UNION ALL SELECT extract(isodow FROM b.local_at)::int, extract(hour FROM b.local_at)::int, 1, 0, 0, 0 FROM buyer_msgs b
       ) x GROUP BY x.dow, x.hour) h) AS by_hour
`;
