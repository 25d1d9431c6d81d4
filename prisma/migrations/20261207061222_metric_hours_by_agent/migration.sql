-- CreateIndex
CREATE INDEX "metric_hours_account_id_agent_key_hour_idx" ON "metric_hours"("account_id", "agent_key", "hour");
