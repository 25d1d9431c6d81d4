-- CreateIndex
CREATE INDEX "chats_account_id_type_created_at_idx" ON "chats"("account_id", "type", "created_at");
