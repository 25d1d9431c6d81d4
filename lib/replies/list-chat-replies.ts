import type { Db } from "@/lib/db/client";
import type { SavedReply } from "@/lib/db/generated/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ReplyUser } from "./saved-reply-rights";
import { toSavedReplyView, type SavedReplyView } from "./saved-reply-view";

export type ChatReply = SavedReplyView & {
  /** Full-text similarity to the buyer's last messages (0: no word in common). */
  rank: number;
};

const BUYER_MESSAGES = 3;

/**
 * The saved replies an agent may use in a chat of this account (the team's and their own, for this account or for
 * every account), best first: those whose words best answer the buyer's last messages (PostgreSQL full-text rank,
 * Russian and English stems, any word counts), then the most used, then by title.
 */
export async function listChatReplies(db: Db, user: ReplyUser, target: { accountId: string; chatId: string }): Promise<ChatReply[]> {
  const buyer = await db.message.findMany({
    where: { chatId: target.chatId, authorType: "customer", isImage: false },
    orderBy: { ozonMessageId: "desc" },
    take: BUYER_MESSAGES,
    select: { text: true },
  });
  const asked = buyer
    .map((message) => message.text)
    .join(" ")
    .slice(0, 2000);
  // Any of the buyer's words: the stems of plainto_tsquery joined with OR, kept as stems ('simple').
  const anyWord = (config: "russian" | "english") =>
    Prisma.sql`to_tsquery('simple', replace(plainto_tsquery(${Prisma.raw(`'${config}'`)}, ${asked})::text, '&', '|'))`;
  const rows = await db.$queryRaw<{ id: string; rank: number }[]>`
    SELECT r.id,
      ts_rank(to_tsvector('russian', r.title || ' ' || r.text) || to_tsvector('english', r.title || ' ' || r.text), ${anyWord("russian")} || ${anyWord("english")})::float8 AS rank
    FROM saved_replies r
    WHERE (r.account_id IS NULL OR r.account_id = ${target.accountId}) AND (r.owner_id IS NULL OR r.owner_id = ${user.id})`;
  const ranks = new Map(rows.map((row) => [row.id, Number(row.rank)]));
  const replies: SavedReply[] = rows.length > 0 ? await db.savedReply.findMany({ where: { id: { in: rows.map((row) => row.id) } } }) : [];
  return replies
    .map((reply) => ({ ...toSavedReplyView(reply, user), rank: ranks.get(reply.id) ?? 0 }))
    .sort((a, b) => b.rank - a.rank || b.usageCount - a.usageCount || a.title.localeCompare(b.title));
}
