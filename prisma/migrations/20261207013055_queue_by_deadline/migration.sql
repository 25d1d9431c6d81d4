-- Needs reply and Unassigned are ordered by the Ozon deadline (reply_until) before the wait: their indexes lead with it.
-- DropIndex
DROP INDEX "chats_account_id_assignee_id_work_status_awaiting_since_id_idx";

-- DropIndex
DROP INDEX "chats_account_id_work_status_awaiting_since_id_idx";

-- CreateIndex
CREATE INDEX "chats_account_id_work_status_reply_until_awaiting_since_id_idx" ON "chats"("account_id", "work_status", "reply_until", "awaiting_since", "id");

-- CreateIndex
CREATE INDEX "chats_account_id_assignee_id_work_status_reply_until_awaiti_idx" ON "chats"("account_id", "assignee_id", "work_status", "reply_until", "awaiting_since", "id");
