-- Automatic assignment (lib/team/auto-assign-chats.ts): the per-account option and cap, the round-robin turn of each member,
-- who is online (live stream heartbeats), and the chats that await an assigner.
-- AlterTable
ALTER TABLE "account_memberships" ADD COLUMN     "auto_assign_turn" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "chats" ADD COLUMN     "auto_assign_pending" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "seller_accounts" ADD COLUMN     "auto_assign" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "auto_assign_cap" INTEGER NOT NULL DEFAULT 10;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "online_until" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "chats_auto_assign_pending_idx" ON "chats"("auto_assign_pending");
