-- CreateEnum
CREATE TYPE "user_role" AS ENUM ('ADMIN', 'AGENT');

-- CreateEnum
CREATE TYPE "premium_status" AS ENUM ('UNKNOWN', 'PREMIUM_PLUS', 'PREMIUM_PRO', 'PREMIUM', 'NONE');

-- CreateEnum
CREATE TYPE "connection_status" AS ENUM ('UNKNOWN', 'OK', 'BAD_CREDENTIALS', 'PREMIUM_REQUIRED', 'ERROR');

-- CreateEnum
CREATE TYPE "chat_status" AS ENUM ('OPENED', 'CLOSED');

-- CreateEnum
CREATE TYPE "sync_phase" AS ENUM ('IDLE', 'IMPORTING', 'INCREMENTAL');

-- CreateEnum
CREATE TYPE "outbox_kind" AS ENUM ('TEXT', 'FILE');

-- CreateEnum
CREATE TYPE "outbox_state" AS ENUM ('PENDING', 'SENDING', 'UNKNOWN', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "user_role" NOT NULL DEFAULT 'AGENT',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "seller_accounts" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "api_key_ciphertext" BYTEA NOT NULL,
    "api_key_last4" TEXT NOT NULL,
    "key_expires_at" TIMESTAMP(3),
    "premium_status" "premium_status" NOT NULL DEFAULT 'UNKNOWN',
    "connection_status" "connection_status" NOT NULL DEFAULT 'UNKNOWN',
    "last_sync_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "seller_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account_memberships" (
    "user_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_memberships_pkey" PRIMARY KEY ("user_id","account_id")
);

-- CreateTable
CREATE TABLE "chats" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "ozon_chat_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "is_buyer_chat" BOOLEAN NOT NULL,
    "status" "chat_status" NOT NULL DEFAULT 'OPENED',
    "created_at" TIMESTAMP(3) NOT NULL,
    "unread_count" INTEGER NOT NULL DEFAULT 0,
    "first_unread_message_id" BIGINT NOT NULL DEFAULT 0,
    "last_message_id" BIGINT NOT NULL DEFAULT 0,
    "last_message_at" TIMESTAMP(3),
    "last_message_preview" TEXT,
    "last_message_author" TEXT,
    "posting_number" TEXT,
    "order_number" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "chats_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messages" (
    "id" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "ozon_message_id" BIGINT NOT NULL,
    "author_type" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "is_image" BOOLEAN NOT NULL DEFAULT false,
    "moderation_status" TEXT,
    "is_read" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL,
    "sent_by_user_id" TEXT,
    "order_number" TEXT,
    "sku" TEXT,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_states" (
    "account_id" TEXT NOT NULL,
    "phase" "sync_phase" NOT NULL DEFAULT 'IDLE',
    "chats_total" INTEGER NOT NULL DEFAULT 0,
    "chats_done" INTEGER NOT NULL DEFAULT 0,
    "cursor" TEXT,
    "last_success_at" TIMESTAMP(3),
    "last_error" TEXT,
    "last_error_at" TIMESTAMP(3),
    "next_run_at" TIMESTAMP(3),
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sync_states_pkey" PRIMARY KEY ("account_id")
);

-- CreateTable
CREATE TABLE "outbox" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" "outbox_kind" NOT NULL,
    "text" TEXT,
    "file_name" TEXT,
    "file_content" BYTEA,
    "state" "outbox_state" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "ozon_message_id" BIGINT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "seller_accounts_client_id_key" ON "seller_accounts"("client_id");

-- CreateIndex
CREATE INDEX "account_memberships_account_id_idx" ON "account_memberships"("account_id");

-- CreateIndex
CREATE INDEX "chats_account_id_last_message_at_id_idx" ON "chats"("account_id", "last_message_at" DESC, "id");

-- CreateIndex
CREATE INDEX "chats_account_id_unread_count_idx" ON "chats"("account_id", "unread_count");

-- CreateIndex
CREATE UNIQUE INDEX "chats_account_id_ozon_chat_id_key" ON "chats"("account_id", "ozon_chat_id");

-- CreateIndex
CREATE UNIQUE INDEX "messages_chat_id_ozon_message_id_key" ON "messages"("chat_id", "ozon_message_id");

-- CreateIndex
CREATE INDEX "outbox_state_created_at_idx" ON "outbox"("state", "created_at");

-- CreateIndex
CREATE INDEX "outbox_chat_id_created_at_idx" ON "outbox"("chat_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_account_id_client_id_key" ON "outbox"("account_id", "client_id");

-- AddForeignKey
ALTER TABLE "account_memberships" ADD CONSTRAINT "account_memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_memberships" ADD CONSTRAINT "account_memberships_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "seller_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chats" ADD CONSTRAINT "chats_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "seller_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_chat_id_fkey" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_sent_by_user_id_fkey" FOREIGN KEY ("sent_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_states" ADD CONSTRAINT "sync_states_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "seller_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "seller_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_chat_id_fkey" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
