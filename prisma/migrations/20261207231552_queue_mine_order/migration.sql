-- CreateIndex
CREATE INDEX "chats_account_id_assignee_id_last_message_at_id_idx" ON "chats"("account_id", "assignee_id", "last_message_at" DESC, "id");
