import type { Db } from "@/lib/db/client";
import { visibleRepliesWhere } from "./saved-reply-rights";
import { toSavedReplyView, type SavedReplyView } from "./saved-reply-view";

/** Every saved reply the user sees (the team's and their own), by title, each saying whether they may change it. */
export async function listSavedReplies(db: Db, user: { id: string; role: "ADMIN" | "AGENT" }): Promise<SavedReplyView[]> {
  const replies = await db.savedReply.findMany({ where: visibleRepliesWhere(user), orderBy: [{ title: "asc" }, { id: "asc" }] });
  return replies.map((reply) => toSavedReplyView(reply, user));
}
