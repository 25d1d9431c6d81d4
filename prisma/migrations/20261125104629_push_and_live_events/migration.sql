-- CreateEnum
CREATE TYPE "push_event_state" AS ENUM ('PENDING', 'PROCESSING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "seller_accounts" ADD COLUMN     "push_ozon_networks_only" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "push_token_ciphertext" BYTEA,
ADD COLUMN     "push_token_hash" TEXT;

-- AlterTable
ALTER TABLE "sync_states" ADD COLUMN     "last_push_at" TIMESTAMP(3),
ADD COLUMN     "poll_interval_ms" INTEGER;

-- CreateTable
CREATE TABLE "push_events" (
    "id" BIGSERIAL NOT NULL,
    "account_id" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "message_type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "state" "push_event_state" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "claimed_until" TIMESTAMP(3),
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMP(3),

    CONSTRAINT "push_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "live_events" (
    "id" BIGSERIAL NOT NULL,
    "account_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "live_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "push_events_state_received_at_idx" ON "push_events"("state", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "push_events_account_id_dedupe_key_key" ON "push_events"("account_id", "dedupe_key");

-- CreateIndex
CREATE INDEX "live_events_created_at_idx" ON "live_events"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "seller_accounts_push_token_hash_key" ON "seller_accounts"("push_token_hash");

-- AddForeignKey
ALTER TABLE "push_events" ADD CONSTRAINT "push_events_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "seller_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "live_events" ADD CONSTRAINT "live_events_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "seller_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
