-- CreateTable
CREATE TABLE "chat_turns" (
    "chat_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "turn_index" INTEGER NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "prev_started_at" TIMESTAMP(3),
    "last_buyer_at" TIMESTAMP(3) NOT NULL,
    "answered_at" TIMESTAMP(3),
    "answer_message_id" BIGINT,
    "answered_by" TEXT,

    CONSTRAINT "chat_turns_pkey" PRIMARY KEY ("chat_id","turn_index")
);

-- CreateTable
CREATE TABLE "chat_turn_marks" (
    "chat_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "marked_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_until" TIMESTAMP(3),

    CONSTRAINT "chat_turn_marks_pkey" PRIMARY KEY ("chat_id")
);

-- CreateIndex
CREATE INDEX "chat_turns_account_id_started_at_idx" ON "chat_turns"("account_id", "started_at");

-- CreateIndex
CREATE INDEX "chat_turn_marks_account_id_idx" ON "chat_turn_marks"("account_id");

-- AddForeignKey
ALTER TABLE "chat_turns" ADD CONSTRAINT "chat_turns_chat_id_fkey" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_turn_marks" ADD CONSTRAINT "chat_turn_marks_chat_id_fkey" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: every buyer chat's turns from the messages already cached (the turn rule of
-- lib/metrics/chat-turns-sql.ts, over every buyer chat instead of a list of chats).
INSERT INTO "chat_turns" (chat_id, account_id, turn_index, started_at, prev_started_at, last_buyer_at, answered_at, answer_message_id, answered_by)
WITH m AS (
  SELECT m.chat_id,
         c.account_id,
         m.ozon_message_id,
         m.created_at,
         m.author_type = 'customer' AS is_buyer,
         CASE WHEN m.author_type = 'seller' THEN COALESCE(m.sent_by_user_id, o.user_id) END AS agent_id,
         count(*) FILTER (WHERE m.author_type = 'seller')
           OVER (PARTITION BY m.chat_id ORDER BY m.ozon_message_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS k
    FROM chats c
    JOIN messages m ON m.chat_id = c.id
    LEFT JOIN outbox o
      ON m.author_type = 'seller' AND m.sent_by_user_id IS NULL
     AND o.chat_id = m.chat_id AND o.ozon_message_id = m.ozon_message_id AND o.state = 'SENT'
   WHERE c.is_buyer_chat AND m.author_type IN ('customer', 'seller')
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
WINDOW w AS (PARTITION BY g.chat_id ORDER BY g.k);
