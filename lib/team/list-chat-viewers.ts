import type { ChatPresence } from "@/lib/cache/presence-view";
import { findAccountChat } from "@/lib/chats/find-account-chat";
import type { Db } from "@/lib/db/client";
import { readViewers, toPresence } from "./read-viewers";

/**
 * Who is viewing a chat now, as recordPresence answers it: for a tab whose live stream (re)opened and may have missed
 * presence events while it was closed.
 */
export async function listChatViewers(db: Db, target: { accountId: string; chatId: string }, now: Date = new Date()): Promise<ChatPresence> {
  const chat = await findAccountChat(db, target.accountId, target.chatId);
  return toPresence(await readViewers(db, chat.id, now));
}
