import { z } from "zod";
import type { ChatPresence } from "@/lib/cache/presence-view";
import { findAccountChat } from "@/lib/chats/find-account-chat";
import type { Db } from "@/lib/db/client";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { readViewers, toPresence, type ViewerRow } from "./read-viewers";

/** A tab renews its presence this often; a viewer counts until twice that without a renewal. */
const PRESENCE_HEARTBEAT_MS = 15_000;
export const PRESENCE_TTL_MS = 2 * PRESENCE_HEARTBEAT_MS;
/** "Typing" lasts this long after the last keystroke reported. */
const TYPING_TTL_MS = 6_000;

export const recordPresenceRequestSchema = z.object({
  /** "view": the chat is open (a heartbeat); "typing": and the agent is typing a reply; "leave": the tab left it. */
  state: z.enum(["view", "typing", "leave"]),
});
export type RecordPresenceRequest = z.infer<typeof recordPresenceRequestSchema>;

/** What the other tabs need to redraw: who is there and who types (not the renewed expiry times). */
const shape = (rows: ViewerRow[]) => rows.map((r) => `${r.userId}:${r.typingUntil ? "t" : "v"}`).join(",");

/**
 * Records an agent's presence in a chat (a heartbeat while it is open, a keystroke while typing, leaving) in
 * PostgreSQL, with an expiry, so every app instance agrees and a vanished tab simply expires. Publishes a
 * `presence` event only when who is there or who types changed, so heartbeats cost one upsert and one read.
 * Returns the chat's viewers.
 */
export async function recordPresence(
  db: Db,
  target: { accountId: string; chatId: string },
  userId: string,
  request: RecordPresenceRequest,
  now: Date = new Date(),
): Promise<ChatPresence> {
  const { state } = recordPresenceRequestSchema.parse(request);
  const chat = await findAccountChat(db, target.accountId, target.chatId);
  const before = await readViewers(db, chat.id, now);
  if (state === "leave") {
    await db.chatPresence.deleteMany({ where: { chatId: chat.id, userId } });
  } else {
    const viewingUntil = new Date(now.getTime() + PRESENCE_TTL_MS);
    const typing = state === "typing" ? { typingUntil: new Date(now.getTime() + TYPING_TTL_MS) } : {};
    await db.chatPresence.upsert({
      where: { chatId_userId: { chatId: chat.id, userId } },
      create: { chatId: chat.id, userId, accountId: target.accountId, viewingUntil, ...typing },
      update: { viewingUntil, ...typing },
    });
  }
  const after = await readViewers(db, chat.id, now);
  const presence = toPresence(after);
  if (shape(before) !== shape(after)) {
    await publishLiveEvent(db, { kind: "presence", accountId: target.accountId, chatId: chat.id, ...presence });
  }
  return presence;
}
