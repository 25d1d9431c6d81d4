import { z } from "zod";
import { findAccountChat } from "@/lib/chats/find-account-chat";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { canChangeOwner } from "./can-change-owner";
import { publishTeamChange } from "./publish-team-change";

export const assignChatRequestSchema = z.object({
  /** The new owner (the caller's own id: take it); null: back to the unassigned pool. */
  assigneeId: z.string().min(1).max(100).nullable(),
});
export type AssignChatRequest = z.infer<typeof assignChatRequestSchema>;

export type TeamActor = { id: string; role: "ADMIN" | "AGENT" };

/**
 * Assigns, takes, reassigns or unassigns a chat (canChangeOwner decides who may), records it in the chat's trail
 * and publishes it. The new owner must be an active user who may work the account. The change is conditional on
 * the owner the rule was checked against, so two agents taking one chat at once cannot both win: the second gets
 * 409. Assigning to the current owner changes nothing and records nothing.
 */
export async function assignChat(
  db: Db,
  target: { accountId: string; chatId: string },
  actor: TeamActor,
  request: AssignChatRequest,
): Promise<{ changed: boolean }> {
  const { assigneeId } = assignChatRequestSchema.parse(request);
  const chat = await findAccountChat(db, target.accountId, target.chatId);
  if (chat.assigneeId === assigneeId) return { changed: false };
  if (!canChangeOwner(actor, chat.assigneeId)) {
    throw new AppError("chat_owned_by_other");
  }
  if (assigneeId !== null) {
    const assignee = await db.user.findFirst({
      where: {
        id: assigneeId,
        active: true,
        OR: [{ role: "ADMIN" }, { memberships: { some: { accountId: target.accountId } } }],
      },
      select: { id: true },
    });
    if (!assignee) throw new AppError("assignee_invalid");
  }
  const activityId = await db.$transaction(async (tx) => {
    const updated = await tx.chat.updateMany({
      where: { id: chat.id, assigneeId: chat.assigneeId },
      // A person decided: automatic assignment leaves the chat alone (even one put back in the pool).
      data: { assigneeId, autoAssignPending: false },
    });
    if (updated.count === 0) throw new AppError("chat_owner_changed");
    const activity = await tx.chatActivity.create({
      data: {
        chatId: chat.id,
        accountId: target.accountId,
        actorId: actor.id,
        kind: assigneeId === null ? "unassigned" : "assigned",
        assigneeId,
      },
      select: { id: true },
    });
    return activity.id;
  });
  await publishTeamChange(db, { accountId: target.accountId, chatId: chat.id, activityId });
  return { changed: true };
}
