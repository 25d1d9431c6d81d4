-- The metrics page's unanswered turns that now still decides about (a dialog younger than 24 h, a window still open):
-- read from this index alone. Partial and with INCLUDE, which schema.prisma cannot express: written here by hand
-- (Prisma's diff keeps it).
CREATE INDEX "chat_turns_unanswered_idx" ON "chat_turns"("account_id", "last_buyer_at") INCLUDE ("started_at", "prev_started_at")
  WHERE "answered_at" IS NULL;
