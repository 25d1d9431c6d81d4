-- Support chats (kind support: not a buyer chat, not a question or review) in Needs reply / Unassigned. Their kind is
-- a negation (is_buyer_chat = false AND type NOT IN ('question', 'review')) that no index column can select, so both
-- queue ranges walked every waiting buyer chat, question and review to find the support chats among them (none wait
-- in practice). This index holds the support chats alone, in the queue's order (lib/team/list-queue-chats.ts).
-- Partial, which schema.prisma cannot express: written here by hand (Prisma's diff keeps it).
CREATE INDEX "chats_support_queue_idx" ON "chats"("account_id", "work_status", "reply_until", "awaiting_since", "id")
  WHERE NOT "is_buyer_chat" AND "type" NOT IN ('question', 'review');
