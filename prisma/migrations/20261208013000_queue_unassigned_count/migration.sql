-- The Unassigned count reads this index alone: the waiting chats no one owns, by deadline. Counting them on
-- chats_awaiting_open_idx (whose INCLUDE has the owner) walked every waiting chat, owned or not, to find the unowned
-- ones: 85,899 entries at the bench's 50,000 + 50,000 + 50,000 shop.
-- Partial and with INCLUDE, which schema.prisma cannot express: written here by hand (Prisma's diff keeps it).
CREATE INDEX "chats_unassigned_open_idx" ON "chats"("account_id", "reply_until") INCLUDE ("reply_closed_reason")
  WHERE "work_status" = 'OPEN' AND "awaiting_since" IS NOT NULL AND "status" = 'OPENED' AND "reply_refused_at" IS NULL
    AND "assignee_id" IS NULL;
