-- CreateEnum
CREATE TYPE "chat_work_status" AS ENUM ('OPEN', 'WAITING', 'SNOOZED', 'RESOLVED');

-- AlterTable
ALTER TABLE "chats" ADD COLUMN     "assignee_id" TEXT,
ADD COLUMN     "awaiting_since" TIMESTAMP(3),
ADD COLUMN     "last_buyer_message_id" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "last_reply_message_id" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "snoozed_until" TIMESTAMP(3),
ADD COLUMN     "work_status" "chat_work_status" NOT NULL DEFAULT 'OPEN';

-- CreateTable
CREATE TABLE "chat_activities" (
    "id" BIGSERIAL NOT NULL,
    "chat_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "actor_id" TEXT,
    "kind" TEXT NOT NULL,
    "assignee_id" TEXT,
    "status" "chat_work_status",
    "snoozed_until" TIMESTAMP(3),
    "text" TEXT,
    "mentions" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_activities_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "chat_activities_chat_id_id_idx" ON "chat_activities"("chat_id", "id");

-- CreateIndex
CREATE INDEX "chats_account_id_work_status_awaiting_since_id_idx" ON "chats"("account_id", "work_status", "awaiting_since", "id");

-- CreateIndex
CREATE INDEX "chats_account_id_assignee_id_work_status_awaiting_since_id_idx" ON "chats"("account_id", "assignee_id", "work_status", "awaiting_since", "id");

-- CreateIndex
CREATE INDEX "chats_assignee_id_idx" ON "chats"("assignee_id");

-- CreateIndex
CREATE INDEX "chats_work_status_snoozed_until_idx" ON "chats"("work_status", "snoozed_until");

-- AddForeignKey
ALTER TABLE "chats" ADD CONSTRAINT "chats_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_activities" ADD CONSTRAINT "chat_activities_chat_id_fkey" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_activities" ADD CONSTRAINT "chat_activities_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Data: the reply state of the chats already cached (the same rules as lib/sync/refresh-reply-state.ts).
UPDATE "chats" c SET
  "last_buyer_message_id" = COALESCE((SELECT max(m."ozon_message_id") FROM "messages" m WHERE m."chat_id" = c."id" AND m."author_type" = 'customer'), 0),
  "last_reply_message_id" = COALESCE((SELECT max(m."ozon_message_id") FROM "messages" m WHERE m."chat_id" = c."id" AND m."author_type" = 'seller'), 0);
UPDATE "chats" c SET
  "awaiting_since" = CASE
    WHEN c."is_buyer_chat" AND c."status" = 'OPENED' AND c."last_buyer_message_id" > c."last_reply_message_id"
    THEN (SELECT min(m."created_at") FROM "messages" m
           WHERE m."chat_id" = c."id" AND m."author_type" = 'customer' AND m."ozon_message_id" > c."last_reply_message_id")
  END,
  "work_status" = CASE WHEN c."last_reply_message_id" > c."last_buyer_message_id" THEN 'WAITING'::"chat_work_status" ELSE 'OPEN'::"chat_work_status" END;
