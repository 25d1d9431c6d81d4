import type { Db } from "@/lib/db/client";
import { findEditableReplyOrThrow } from "./saved-reply-rights";

/** Removes a saved reply the user may change. */
export async function deleteSavedReply(db: Db, user: { id: string; role: "ADMIN" | "AGENT" }, id: string): Promise<void> {
  await findEditableReplyOrThrow(db, user, id);
  await db.savedReply.delete({ where: { id } });
}
