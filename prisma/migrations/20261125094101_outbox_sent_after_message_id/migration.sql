-- AlterTable
ALTER TABLE "outbox" ADD COLUMN     "sent_after_message_id" BIGINT;
