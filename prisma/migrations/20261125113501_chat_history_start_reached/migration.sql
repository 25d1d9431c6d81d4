-- AlterTable
ALTER TABLE "chats" ADD COLUMN     "history_start_reached" BOOLEAN NOT NULL DEFAULT false;
