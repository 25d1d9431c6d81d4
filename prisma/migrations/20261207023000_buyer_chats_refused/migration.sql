-- Plain Premium: Ozon shows support and system chats but refuses buyer chats; the sync records when it did.
-- AlterTable
ALTER TABLE "sync_states" ADD COLUMN     "buyer_chats_refused_at" TIMESTAMP(3);
