import { z } from "zod";
import { findAccountChat } from "@/lib/chats/find-account-chat";
import type { Db } from "@/lib/db/client";
import type { TeamActor } from "./assign-chat";
import { findMentions } from "./find-mentions";
import { listAccountAgents } from "./list-account-agents";
import { publishTeamChange } from "./publish-team-change";

const NOTE_MAX_CHARS = 4000;

export const addChatNoteRequestSchema = z.object({
  text: z
    .string({ error: "text is required" })
    .trim()
    .min(1, { error: "A note cannot be empty." })
    .max(NOTE_MAX_CHARS, { error: `A note has at most ${NOTE_MAX_CHARS} characters.` }),
});
export type AddChatNoteRequest = z.infer<typeof addChatNoteRequestSchema>;

/**
 * A private note in the chat's trail: for the team only, never sent to Ozon. "@Name" mentions of the account's
 * agents are resolved here and stored with it (each mentioned agent is notified from the live event).
 */
export async function addChatNote(
  db: Db,
  target: { accountId: string; chatId: string },
  actor: TeamActor,
  request: AddChatNoteRequest,
): Promise<{ id: string; mentions: string[] }> {
  const { text } = addChatNoteRequestSchema.parse(request);
  const chat = await findAccountChat(db, target.accountId, target.chatId);
  const mentions = findMentions(text, await listAccountAgents(db, target.accountId));
  const activity = await db.chatActivity.create({
    data: { chatId: chat.id, accountId: target.accountId, actorId: actor.id, kind: "note", text, mentions },
    select: { id: true },
  });
  await publishTeamChange(db, { accountId: target.accountId, chatId: chat.id, activityId: activity.id });
  return { id: activity.id.toString(), mentions };
}
