import type { Db } from "@/lib/db/client";
import { assertMayWriteReply, findEditableReplyOrThrow } from "./saved-reply-rights";
import { savedReplyInputSchema, toSavedReplyView, type SavedReplyInput, type SavedReplyView } from "./saved-reply-view";

type User = { id: string; role: "ADMIN" | "AGENT" };

/** Creates a saved reply (id null) or changes one the user may change; team replies are administrators'. */
export async function saveSavedReply(db: Db, user: User, id: string | null, request: SavedReplyInput): Promise<SavedReplyView> {
  const input = savedReplyInputSchema.parse(request);
  await assertMayWriteReply(db, user, input);
  const data = { title: input.title, shortcut: input.shortcut, text: input.text, accountId: input.accountId, ownerId: input.scope === "team" ? null : user.id };
  if (id === null) return toSavedReplyView(await db.savedReply.create({ data }), user);
  await findEditableReplyOrThrow(db, user, id);
  return toSavedReplyView(await db.savedReply.update({ where: { id }, data }), user);
}
