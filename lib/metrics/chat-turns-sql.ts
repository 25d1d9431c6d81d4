/**
 * The turn rule (docs/metrics.md "Turn") as one SELECT over the messages of the chats `$1::text[]` (buyer chats
 * only): a running count of seller messages splits a chat into turns — the buyer messages with k seller messages
 * before them form turn k, answered by the seller message that has k before it (its agent: the message's sender link,
 * else the outbox row that sent it; none = sent in Ozon's seller portal). Rows in chat_turns' columns, in order.
 * The migration that created chat_turns backfilled it with the same statement over every buyer chat.
 */
/**
 * The buyer and seller messages (m) of the buyer chats (c) $1::text[], each seller message with the outbox row (o)
 * that sent it when the message has no sender.
 */
export const CHATS_MESSAGES_FROM = `    FROM chats c
    JOIN messages m ON m.chat_id = c.id
    LEFT JOIN outbox o
      ON m.author_type = 'seller' AND m.sent_by_user_id IS NULL
     AND o.chat_id = m.chat_id AND o.ozon_message_id = m.ozon_message_id AND o.state = 'SENT'
   WHERE c.id = ANY($1::text[]) AND c.is_buyer_chat AND m.author_type IN ('customer', 'seller')`;

export const CHAT_TURNS_SELECT = `
WITH m AS (
  SELECT m.chat_id,
         c.account_id,
         m.ozon_message_id,
         m.created_at,
         m.author_type = 'customer' AS is_buyer,
         CASE WHEN m.author_type = 'seller' THEN COALESCE(m.sent_by_user_id, o.user_id) END AS agent_id,
         count(*) FILTER (WHERE m.author_type = 'seller')
           OVER (PARTITION BY m.chat_id ORDER BY m.ozon_message_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS k
${CHATS_MESSAGES_FROM}
),
g AS (
  SELECT m.chat_id,
         min(m.account_id) AS account_id,
         m.k,
         min(m.created_at) FILTER (WHERE m.is_buyer) AS started_at,
         max(m.created_at) FILTER (WHERE m.is_buyer) AS last_buyer_at,
         min(m.created_at) FILTER (WHERE NOT m.is_buyer) AS answered_at,
         min(m.ozon_message_id) FILTER (WHERE NOT m.is_buyer) AS answer_message_id,
         min(m.agent_id) FILTER (WHERE NOT m.is_buyer) AS answered_by
    FROM m
   GROUP BY m.chat_id, m.k
  HAVING bool_or(m.is_buyer)
)
SELECT g.chat_id,
       g.account_id,
       (row_number() OVER w - 1)::int AS turn_index,
       g.started_at,
       lag(g.started_at) OVER w AS prev_started_at,
       g.last_buyer_at,
       g.answered_at,
       g.answer_message_id,
       g.answered_by
  FROM g
WINDOW w AS (PARTITION BY g.chat_id ORDER BY g.k)`;

export const CHAT_TURN_COLUMNS =
  "chat_id, account_id, turn_index, started_at, prev_started_at, last_buyer_at, answered_at, answer_message_id, answered_by";
