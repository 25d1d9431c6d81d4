import { AGENTS_JSON, METRICS_PARAMS } from "./metrics-sql";

/**
 * The metrics page's statement over the kept sums (metric_hours, metric_day_responses; lib/metrics/metric-parts-sql.ts)
 * instead of the range's turns and messages: for a range that holds every message of the account (it ends after the
 * newest; today, 7 and 30 days do), in a time zone a whole number of hours from UTC (Moscow). The same parameters and
 * answer as ACCOUNT_METRICS_SQL (lib/metrics/metrics-sql.ts), which stays the statement for other ranges.
 *
 * How: the range's whole UTC hours from metric_hours; its two partial hours (from the start to the next whole hour,
 * from the last whole hour to the end) counted the same way from chat_turns and messages directly. A chat's first
 * turn in the range: the turns started in it minus those whose previous turn also started in it (next_*). Unanswered
 * turns are read themselves where now decides (a dialog younger than 24 h, a window still open): they are the last
 * turn of a chat written to in the last 48 h. Chats handled: the range's seller messages that are their chat's (or
 * their agent's, in the chat) last. Medians: the k-th response time over the range's whole UTC days'
 * sorted arrays (metric_day_responses) and the partial days' turns, found by counting (width_bucket, a binary search
 * in each sorted array) at bounds 2^(1/8) to 2^(1/64) apart over the values' span (finer for few long arrays), then
 * sorting only the values between the two bounds that hold the k-th.
 */
export const ACCOUNT_METRICS_SUMS_SQL = `
${METRICS_PARAMS}
b AS (
  SELECT p.*,
         CASE WHEN date_trunc('hour', p.range_from) = p.range_from THEN p.range_from
              ELSE date_trunc('hour', p.range_from) + interval '1 hour' END AS fh,
         date_trunc('hour', p.range_to) AS th,
         CASE WHEN date_trunc('day', p.range_from) = p.range_from THEN p.range_from
              ELSE date_trunc('day', p.range_from) + interval '1 day' END AS fd,
         date_trunc('day', p.range_to) AS td
    FROM params p
),
-- Whole hours [fh, th) come from the sums; the edges [range_from, e1) and [s2, range_to) from the rows (likewise days).
e AS (
  SELECT b.*, LEAST(b.fh, b.range_to) AS e1, GREATEST(b.th, b.fh) AS s2,
         LEAST(b.fd, b.range_to) AS d1, GREATEST(b.td, b.fd) AS ds2
    FROM b
),
edge_turns AS (
  SELECT t.*, (extract(epoch FROM t.answered_at - t.started_at) * 1000)::bigint AS resp
    FROM chat_turns t CROSS JOIN e
   WHERE t.account_id = $1
     AND ((t.started_at >= e.range_from AND t.started_at < e.e1) OR (t.started_at >= e.s2 AND t.started_at < e.range_to))
),
edge_next AS (
  SELECT t.*
    FROM chat_turns t CROSS JOIN e
   WHERE t.account_id = $1
     AND ((t.prev_started_at >= e.range_from AND t.prev_started_at < e.e1) OR (t.prev_started_at >= e.s2 AND t.prev_started_at < e.range_to))
),
edge_msgs AS (
  SELECT m.chat_id, m.created_at, m.ozon_message_id, m.author_type = 'customer' AS is_buyer,
         CASE WHEN m.author_type = 'seller' THEN COALESCE(m.sent_by_user_id, o.user_id, '') END AS agent_key
    FROM messages m
    CROSS JOIN e
    -- A chat looked up per message (OFFSET 0 keeps the planner from turning it into a hash of every chat of the
    -- account: it cannot see through params how few messages two partial hours hold, and guessed 100,000).
    CROSS JOIN LATERAL (SELECT 1 FROM chats c WHERE c.id = m.chat_id AND c.account_id = $1 AND c.is_buyer_chat OFFSET 0) c
    LEFT JOIN outbox o
      ON m.author_type = 'seller' AND m.sent_by_user_id IS NULL
     AND o.chat_id = m.chat_id AND o.ozon_message_id = m.ozon_message_id AND o.state = 'SENT'
   WHERE m.author_type IN ('customer', 'seller')
     AND ((m.created_at >= e.range_from AND m.created_at < e.e1) OR (m.created_at >= e.s2 AND m.created_at < e.range_to))
),
edge_sellers AS (
  SELECT s.*,
         NOT EXISTS (
           SELECT 1 FROM messages l
            WHERE l.chat_id = s.chat_id AND l.author_type = 'seller'
              AND (l.created_at, l.ozon_message_id) > (s.created_at, s.ozon_message_id)) AS chat_last,
         NOT EXISTS (
           SELECT 1 FROM messages l
             LEFT JOIN outbox lo
               ON l.sent_by_user_id IS NULL AND lo.chat_id = l.chat_id AND lo.ozon_message_id = l.ozon_message_id AND lo.state = 'SENT'
            WHERE l.chat_id = s.chat_id AND l.author_type = 'seller'
              AND (l.created_at, l.ozon_message_id) > (s.created_at, s.ozon_message_id)
              AND COALESCE(l.sent_by_user_id, lo.user_id, '') = s.agent_key) AS agent_last
    FROM edge_msgs s WHERE NOT s.is_buyer
),
-- The whole hours' sums: the team's ('*', or the one agent's) and, apart, every agent's.
team_hours AS (
  SELECT h.hour, h.agent_key, h.turns::bigint AS c0, h.answered::bigint AS c1, h.response_ms AS c2, h.first_turns::bigint AS c3,
         h.first_answered::bigint AS c4, h.first_response_ms AS c5, h.within_24h::bigint AS c6, h.closed_answered::bigint AS c7,
         h.next_turns::bigint AS c8, h.next_answered::bigint AS c9, h.next_within_24h::bigint AS c10,
         h.buyer_messages::bigint AS c11, h.sent::bigint AS c12, h.chat_last_sent::bigint AS c13, h.agent_last_sent::bigint AS c14
    FROM metric_hours h CROSS JOIN e
   WHERE h.account_id = $1 AND h.agent_key = COALESCE(e.agent, '*') AND h.hour >= e.fh AND h.hour < e.th
),
agent_hours AS (
  SELECT h.agent_key, sum(h.answered)::bigint AS c1, sum(h.response_ms)::bigint AS c2, sum(h.first_answered)::bigint AS c4,
         sum(h.first_response_ms)::bigint AS c5, sum(h.within_24h)::bigint AS c6, sum(h.next_answered)::bigint AS c9,
         sum(h.next_within_24h)::bigint AS c10, sum(h.sent)::bigint AS c12, sum(h.agent_last_sent)::bigint AS c14
    FROM metric_hours h CROSS JOIN e
   WHERE h.account_id = $1 AND h.hour >= e.fh AND h.hour < e.th AND h.agent_key <> '*'
     AND (e.agent IS NULL OR h.agent_key = e.agent)
   GROUP BY h.agent_key
),
edge_parts AS (
  SELECT date_trunc('hour', t.started_at) AS hour, COALESCE(t.answered_by, '') AS agent_key,
         1 AS c0, (t.answered_at IS NOT NULL)::int AS c1, COALESCE(t.resp, 0) AS c2, (t.turn_index = 0)::int AS c3,
         (t.turn_index = 0 AND t.answered_at IS NOT NULL)::int AS c4, CASE WHEN t.turn_index = 0 THEN COALESCE(t.resp, 0) ELSE 0 END AS c5,
         COALESCE(t.answered_at <= t.started_at + interval '24 hours', false)::int AS c6,
         COALESCE(t.answered_at > t.last_buyer_at + interval '48 hours', false)::int AS c7,
         0 AS c8, 0 AS c9, 0 AS c10, 0 AS c11, 0 AS c12, 0 AS c13, 0 AS c14
    FROM edge_turns t
  UNION ALL
  SELECT date_trunc('hour', t.prev_started_at), COALESCE(t.answered_by, ''), 0, 0, 0, 0, 0, 0, 0, 0,
         1, (t.answered_at IS NOT NULL)::int, COALESCE(t.answered_at <= t.started_at + interval '24 hours', false)::int, 0, 0, 0, 0
    FROM edge_next t
  UNION ALL
  SELECT date_trunc('hour', m.created_at), '', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0 FROM edge_msgs m WHERE m.is_buyer
  UNION ALL
  SELECT date_trunc('hour', s.created_at), s.agent_key, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, s.chat_last::int, s.agent_last::int
    FROM edge_sellers s
),
-- The team's (or the one agent's) rows: the team's sums ('*') and every edge row.
sp AS (
  SELECT p.*, (p.hour AT TIME ZONE 'UTC') AT TIME ZONE params.tz AS local_at
    FROM (
      SELECT h.* FROM team_hours h
      UNION ALL
      SELECT x.* FROM edge_parts x CROSS JOIN params WHERE params.agent IS NULL OR x.agent_key = params.agent
    ) p
    CROSS JOIN params
),
-- Unanswered turns of the range that now still decides about: a turn ends at a reply, so an unanswered turn is its
-- chat's last, and only one whose buyer wrote in the last 48 h can still be younger than 24 h or have its window open
-- (it started before that message). Read from the partial index chat_turns_unanswered_idx alone.
open_turns AS (
  SELECT t.started_at, t.prev_started_at, t.last_buyer_at
    FROM chat_turns t
    CROSS JOIN params p
   WHERE t.account_id = $1 AND t.answered_at IS NULL AND t.last_buyer_at > ($4::timestamptz AT TIME ZONE 'UTC') - interval '48 hours'
     AND p.agent IS NULL AND t.started_at >= p.range_from AND t.started_at < p.range_to
),
open_counts AS (
  SELECT count(*) FILTER (WHERE o.started_at + interval '24 hours' > p.now_at
                            AND (o.prev_started_at IS NULL OR o.prev_started_at < p.range_from))::bigint AS young_dialogs,
         count(*) FILTER (WHERE o.last_buyer_at + interval '48 hours' > p.now_at)::bigint AS open_windows
    FROM open_turns o CROSS JOIN params p
),
team_sums AS (
  SELECT COALESCE(sum(c0), 0) AS c0, COALESCE(sum(c1), 0) AS c1, COALESCE(sum(c2), 0) AS c2, COALESCE(sum(c3), 0) AS c3,
         COALESCE(sum(c4), 0) AS c4, COALESCE(sum(c5), 0) AS c5, COALESCE(sum(c6), 0) AS c6, COALESCE(sum(c7), 0) AS c7,
         COALESCE(sum(c8), 0) AS c8, COALESCE(sum(c9), 0) AS c9, COALESCE(sum(c10), 0) AS c10, COALESCE(sum(c11), 0) AS c11,
         COALESCE(sum(c12), 0) AS c12, COALESCE(sum(c13), 0) AS c13, COALESCE(sum(c14), 0) AS c14
    FROM sp
),
agent_sums AS (
  SELECT a.agent_key, sum(c1) AS c1, sum(c2) AS c2, sum(c4) AS c4, sum(c5) AS c5, sum(c6) AS c6, sum(c9) AS c9,
         sum(c10) AS c10, sum(c12) AS c12, sum(c14) AS c14
    FROM (
      SELECT h.agent_key, h.c1, h.c2, h.c4, h.c5, h.c6, h.c9, h.c10, h.c12, h.c14 FROM agent_hours h
      UNION ALL
      SELECT x.agent_key, x.c1, x.c2, x.c4, x.c5, x.c6, x.c9, x.c10, x.c12, x.c14
        FROM edge_parts x CROSS JOIN params WHERE params.agent IS NULL OR x.agent_key = params.agent
    ) a
   GROUP BY a.agent_key
  HAVING sum(c1) > 0 OR sum(c12) > 0
),
-- Response times (ms), sorted arrays: the whole days' kept ones and the partial days' from their turns. A day's array
-- over about 250 values is stored compressed (TOAST): array_cat with an empty array hands on the decompressed array,
-- kept so by MATERIALIZED; otherwise every width_bucket and slice below decompressed it again (about a second for a
-- shop whose 400,000 replies of 30 days were all its portal's, in 18 arrays).
resp AS MATERIALIZED (
  SELECT r.agent_key, array_cat(r.responses, '{}'::bigint[]) AS arr
    FROM metric_day_responses r CROSS JOIN e
   WHERE r.account_id = $1 AND r.day >= e.fd AND r.day < e.td AND cardinality(r.responses) > 0
     AND (e.agent IS NULL OR r.agent_key = e.agent)
  UNION ALL
  SELECT COALESCE(t.answered_by, ''), array_agg((extract(epoch FROM t.answered_at - t.started_at) * 1000)::bigint ORDER BY t.answered_at - t.started_at)
    FROM chat_turns t CROSS JOIN e
   WHERE t.account_id = $1 AND t.answered_at IS NOT NULL AND (e.agent IS NULL OR t.answered_by = e.agent)
     AND ((t.started_at >= e.range_from AND t.started_at < e.d1) OR (t.started_at >= e.ds2 AND t.started_at < e.range_to))
   GROUP BY 1
),
-- Bounds 1 s × 2^(n/k) over the values' span only (the first interval open below, the last open above), k bounds an
-- octave: 8, or more (up to 64) while arrays × bounds stays near 60,000 binary searches. Many short arrays (50 agents'
-- days) keep 8; a few long ones (the portal's 400,000 replies in 18 days) get 64, so the interval holding a median,
-- whose values are sorted below, holds a few thousand values instead of 20,000.
span AS (
  SELECT ln(greatest(min(r.arr[1]), 1) / 1000.0) / ln(2) AS l0,
         ln(greatest(max(r.arr[cardinality(r.arr)]), 1) / 1000.0) / ln(2) AS l1,
         count(*) AS arrays
    FROM resp r
),
steps AS (
  SELECT s.l0, s.l1, greatest(8, least(64, floor(60000 / greatest(s.arrays * (ceil(s.l1) - floor(s.l0) + 1), 1))))::int AS k
    FROM span s
),
bounds AS (
  SELECT n AS j,
         CASE WHEN n = s.n0 THEN (-9223372036854775807 - 1)::bigint ELSE round(1000 * 2 ^ ((n - 1) / s.k::numeric))::bigint END AS lo,
         CASE WHEN n = s.n1 THEN 9223372036854775807 ELSE round(1000 * 2 ^ (n / s.k::numeric))::bigint END AS hi
    FROM (SELECT floor(t.k * t.l0)::int AS n0, ceil(t.k * t.l1)::int + 1 AS n1, t.k FROM steps t) s
    CROSS JOIN LATERAL generate_series(s.n0, s.n1) n
),
-- How many values of each group are at most each bound (width_bucket: a binary search in a sorted array).
cum_agent AS (
  SELECT r.agent_key AS g, x.j, sum(width_bucket(x.hi, r.arr))::bigint AS c FROM resp r CROSS JOIN bounds x GROUP BY 1, 2
),
cum AS (
  SELECT g, j, c, COALESCE(lag(c) OVER (PARTITION BY g ORDER BY j), 0) AS before
    FROM (SELECT g, j, c FROM cum_agent UNION ALL SELECT '*', j, sum(c)::bigint FROM cum_agent GROUP BY j) x
),
sizes AS (SELECT g, max(c) AS n FROM cum GROUP BY g HAVING max(c) > 0),
-- The middle one or two values (1-based ranks), and the bound interval that holds each: the first whose count reaches it.
wanted AS (
  SELECT DISTINCT ON (k.g, k.k) k.g, k.k, c.j, c.before
    FROM (SELECT s.g, (s.n + 1) / 2 AS k FROM sizes s UNION SELECT s.g, s.n / 2 + 1 FROM sizes s) k
    JOIN cum c ON c.g = k.g AND c.c >= k.k
   ORDER BY k.g, k.k, c.j
),
slices AS (SELECT DISTINCT w.g, w.j FROM wanted w),
-- The values of each wanted interval, from every array of its group (the team's: all), ranked.
slice_values AS (
  SELECT v.g, v.j, v.v, row_number() OVER (PARTITION BY v.g, v.j ORDER BY v.v) AS rank
    FROM (
      SELECT sl.g, sl.j, u.v
        FROM slices sl
        JOIN bounds x ON x.j = sl.j
        JOIN resp r ON r.agent_key = sl.g
        CROSS JOIN LATERAL unnest(r.arr[width_bucket(x.lo, r.arr) + 1 : width_bucket(x.hi, r.arr)]) AS u(v)
      UNION ALL
      SELECT sl.g, sl.j, u.v
        FROM slices sl
        JOIN bounds x ON x.j = sl.j
        CROSS JOIN resp r
        CROSS JOIN LATERAL unnest(r.arr[width_bucket(x.lo, r.arr) + 1 : width_bucket(x.hi, r.arr)]) AS u(v)
       WHERE sl.g = '*'
    ) v
),
medians AS (
  SELECT w.g, avg(sv.v::float8) / 1000 AS median_s
    FROM wanted w JOIN slice_values sv ON sv.g = w.g AND sv.j = w.j AND sv.rank = w.k - w.before
   GROUP BY w.g
),
agent_rows AS (
  SELECT NULLIF(a.agent_key, '') AS agent_id, u.name AS agent_name,
         a.c1::int AS answered, a.c4::int AS first_answered,
         a.c5::float8 / NULLIF(a.c4, 0) / 1000 AS first_response_s,
         a.c2::float8 / NULLIF(a.c1, 0) / 1000 AS avg_response_s,
         md.median_s AS median_response_s,
         (a.c1 - a.c9)::int AS dialogs, (a.c6 - a.c10)::int AS dialogs_within_24h,
         a.c12::int AS messages_sent, a.c14::int AS chats_handled
    FROM agent_sums a
    LEFT JOIN users u ON u.id = a.agent_key
    LEFT JOIN medians md ON md.g = a.agent_key AND a.c1 > 0
)
SELECT
  (SELECT json_build_object(
     'turns', t.c0::int,
     'answered', t.c1::int,
     'firstTurns', t.c3::int,
     'firstAnswered', t.c4::int,
     'firstResponseSeconds', t.c5::float8 / NULLIF(t.c4, 0) / 1000,
     'avgResponseSeconds', t.c2::float8 / NULLIF(t.c1, 0) / 1000,
     'medianResponseSeconds', (SELECT md.median_s FROM medians md WHERE md.g = '*'),
     'dialogs', ((t.c1 - t.c9) + (t.c0 - t.c1) - (t.c8 - t.c9) - o.young_dialogs)::int,
     'dialogsWithin24h', (t.c6 - t.c10)::int,
     'windowsClosedUnanswered', (t.c7 + (t.c0 - t.c1) - o.open_windows)::int)
     FROM team_sums t CROSS JOIN open_counts o) AS team,
  (SELECT json_build_object('messagesSent', t.c12::int,
                            'chatsHandled', (CASE WHEN p.agent IS NULL THEN t.c13 ELSE t.c14 END)::int)
     FROM team_sums t CROSS JOIN params p) AS team_sent,
  (SELECT t.c11::int FROM team_sums t) AS buyer_messages,
${AGENTS_JSON}
  (SELECT COALESCE(json_agg(d ORDER BY d.day), '[]'::json) FROM (
     SELECT s.local_at::date::text AS day, sum(s.c11)::int AS "buyerMessages", sum(s.c0)::int AS turns,
            sum(s.c1)::int AS answered, sum(s.c2)::float8 / NULLIF(sum(s.c1), 0) / 1000 AS "avgResponseSeconds",
            sum(s.c12)::int AS "messagesSent"
       FROM sp s GROUP BY s.local_at::date
      HAVING sum(s.c0) > 0 OR sum(s.c11) > 0 OR sum(s.c12) > 0) d) AS by_day,
  (SELECT COALESCE(json_agg(h ORDER BY h.dow, h.hour), '[]'::json) FROM (
     SELECT extract(isodow FROM s.local_at)::int AS dow, extract(hour FROM s.local_at)::int AS hour,
            sum(s.c11)::int AS "buyerMessages", sum(s.c0)::int AS turns, sum(s.c1)::int AS answered,
            sum(s.c2)::float8 / NULLIF(sum(s.c1), 0) / 1000 AS "avgResponseSeconds"
       FROM sp s GROUP BY 1, 2
      HAVING sum(s.c0) > 0 OR sum(s.c11) > 0) h) AS by_hour
`;
