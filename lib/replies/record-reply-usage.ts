import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { visibleRepliesWhere } from "./saved-reply-rights";

/** Counts one use of a reply the user sees (inserted into a message), so frequent replies rise in the list. */
export async function recordReplyUsage(db: Db, user: { id: string; role: "ADMIN" | "AGENT" }, id: string): Promise<{ usageCount: number }> {
  const { count } = await db.savedReply.updateMany({
    where: { id, ...visibleRepliesWhere(user) },
    data: { usageCount: { increment: 1 }, lastUsedAt: new Date() },
  });
  if (count === 0) throw new AppError("saved_reply_not_found");
  const reply = await db.savedReply.findUniqueOrThrow({ where: { id }, select: { usageCount: true } });
  return reply;
}
