import { z } from "zod";
import { findAccountChat } from "@/lib/chats/find-account-chat";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TeamActor } from "./assign-chat";
import { publishTeamChange } from "./publish-team-change";

/** The longest snooze: a month (anything longer is a mistake, or "resolved"). */
const MAX_SNOOZE_MS = 31 * 24 * 3_600_000;

export const setChatStatusRequestSchema = z.object({
  status: z.enum(["OPEN", "WAITING", "SNOOZED", "RESOLVED"], { error: "status must be OPEN, WAITING, SNOOZED or RESOLVED" }),
  /** Required with SNOOZED: until when (ISO date-time, in the future, at most a month ahead). */
  snoozedUntil: z.iso.datetime({ offset: true, error: "snoozedUntil must be an ISO date-time" }).optional(),
});
export type SetChatStatusRequest = z.infer<typeof setChatStatusRequestSchema>;

/**
 * Sets our own status of a chat (any agent who may work the account), records it in the trail and publishes it.
 * A snooze needs a time in the future; it ends at that time (wakeSnoozedChats) or when the buyer writes (the cache
 * writers reopen the chat). Setting the status the chat has (and the same snooze time) changes nothing.
 */
export async function setChatStatus(
  db: Db,
  target: { accountId: string; chatId: string },
  actor: TeamActor,
  request: SetChatStatusRequest,
  now: Date = new Date(),
): Promise<{ changed: boolean }> {
  const { status, snoozedUntil: until } = setChatStatusRequestSchema.parse(request);
  let snoozedUntil: Date | null = null;
  if (status === "SNOOZED") {
    if (!until) throw new AppError("snooze_end_missing");
    snoozedUntil = new Date(until);
    if (snoozedUntil.getTime() <= now.getTime()) throw new AppError("snooze_in_past");
    if (snoozedUntil.getTime() - now.getTime() > MAX_SNOOZE_MS) throw new AppError("snooze_too_long");
  } else if (until) {
    throw new AppError("snooze_end_unexpected");
  }
  const chat = await findAccountChat(db, target.accountId, target.chatId);
  if (chat.workStatus === status && (chat.snoozedUntil?.getTime() ?? null) === (snoozedUntil?.getTime() ?? null)) return { changed: false };
  const activityId = await db.$transaction(async (tx) => {
    await tx.chat.update({ where: { id: chat.id }, data: { workStatus: status, snoozedUntil } });
    const activity = await tx.chatActivity.create({
      data: { chatId: chat.id, accountId: target.accountId, actorId: actor.id, kind: "status", status, snoozedUntil },
      select: { id: true },
    });
    return activity.id;
  });
  await publishTeamChange(db, { accountId: target.accountId, chatId: chat.id, activityId });
  return { changed: true };
}
