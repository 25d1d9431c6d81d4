-- The counts of Needs reply and Unassigned read only this index (an index-only scan): the chats a buyer awaits an
-- answer in that Ozon may still let us answer, by deadline, with the owner and the closed-window reason beside.
-- Partial and with INCLUDE, which schema.prisma cannot express: written here by hand (Prisma's diff keeps it).
CREATE INDEX "chats_awaiting_open_idx" ON "chats"("account_id", "reply_until") INCLUDE ("assignee_id", "reply_closed_reason")
  WHERE "work_status" = 'OPEN' AND "awaiting_since" IS NOT NULL AND "status" = 'OPENED' AND "reply_refused_at" IS NULL;
