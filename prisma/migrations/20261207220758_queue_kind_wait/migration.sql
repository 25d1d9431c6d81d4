-- CreateIndex
CREATE INDEX "chats_account_id_type_work_status_awaiting_since_id_idx" ON "chats"("account_id", "type", "work_status", "awaiting_since", "id");
