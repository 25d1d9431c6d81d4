-- CreateTable
CREATE TABLE "chat_metric_parts" (
    "chat_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "hours" JSONB NOT NULL,
    "responses" JSONB NOT NULL,

    CONSTRAINT "chat_metric_parts_pkey" PRIMARY KEY ("chat_id")
);

-- CreateTable
CREATE TABLE "metric_hours" (
    "account_id" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "agent_key" TEXT NOT NULL,
    "turns" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "response_ms" BIGINT NOT NULL DEFAULT 0,
    "first_turns" INTEGER NOT NULL DEFAULT 0,
    "first_answered" INTEGER NOT NULL DEFAULT 0,
    "first_response_ms" BIGINT NOT NULL DEFAULT 0,
    "within_24h" INTEGER NOT NULL DEFAULT 0,
    "closed_answered" INTEGER NOT NULL DEFAULT 0,
    "next_turns" INTEGER NOT NULL DEFAULT 0,
    "next_answered" INTEGER NOT NULL DEFAULT 0,
    "next_within_24h" INTEGER NOT NULL DEFAULT 0,
    "buyer_messages" INTEGER NOT NULL DEFAULT 0,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "chat_last_sent" INTEGER NOT NULL DEFAULT 0,
    "agent_last_sent" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "metric_hours_pkey" PRIMARY KEY ("account_id","hour","agent_key")
);

-- CreateTable
CREATE TABLE "metric_day_responses" (
    "account_id" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "agent_key" TEXT NOT NULL,
    "responses" BIGINT[],

    CONSTRAINT "metric_day_responses_pkey" PRIMARY KEY ("account_id","day","agent_key")
);

-- CreateIndex
CREATE INDEX "metric_day_responses_account_id_agent_key_day_idx" ON "metric_day_responses"("account_id", "agent_key", "day");

-- CreateIndex
CREATE INDEX "chat_turns_account_id_prev_started_at_idx" ON "chat_turns"("account_id", "prev_started_at");

-- AddForeignKey
ALTER TABLE "chat_metric_parts" ADD CONSTRAINT "chat_metric_parts_chat_id_fkey" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metric_hours" ADD CONSTRAINT "metric_hours_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "seller_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metric_day_responses" ADD CONSTRAINT "metric_day_responses_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "seller_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: every buyer chat is computed again by the turns' refresh (lib/metrics/refresh-chat-turns.ts), which now
-- also adds its part to the account's sums; the page's catch-up and the background loop do it.
INSERT INTO "chat_turn_marks" ("chat_id", "account_id")
SELECT "id", "account_id" FROM "chats" WHERE "is_buyer_chat"
ON CONFLICT ("chat_id") DO NOTHING;
