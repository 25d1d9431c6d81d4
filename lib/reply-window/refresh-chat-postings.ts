import type { Db } from "@/lib/db/client";
import type { OzonConnection } from "@/lib/ozon";

import { refreshChatsPostings, SETTLED_POSTING_STATUSES } from "./refresh-chats-postings";

/** A posting whose status can still change is read again after this long (when the chat is looked at). */
const POSTINGS_REFRESH_MS = 5 * 60_000;
const SETTLED = new Set<string>(SETTLED_POSTING_STATUSES);

/** Whether the chat's postings should be read from Ozon now: never read, or read a while ago and still changing. */
function postingsNeedRefresh(
  chat: { postingsCheckedAt: Date | null },
  postings: { status: string }[],
  now: number = Date.now(),
): boolean {
  if (chat.postingsCheckedAt === null) return true;
  if (now - chat.postingsCheckedAt.getTime() < POSTINGS_REFRESH_MS) return false;
  return postings.length === 0 || postings.some((p) => !SETTLED.has(p.status.toLowerCase()));
}

/**
 * Reads a chat's postings from Ozon and stores them (see refreshChatsPostings), when they were never read or were
 * read a while ago and can still change (see postingsNeedRefresh), or always with `force`. Returns whether the
 * chat's reply window changed (the caller publishes the chat). Ozon's errors propagate.
 */
export async function refreshChatPostings(
  db: Db,
  connection: OzonConnection,
  chatId: string,
  options: { force?: boolean } = {},
): Promise<boolean> {
  const chat = await db.chat.findUnique({
    where: { id: chatId },
    select: { isBuyerChat: true, postingsCheckedAt: true, postings: { select: { status: true } } },
  });
  if (!chat || !chat.isBuyerChat) return false;
  if (!options.force && !postingsNeedRefresh(chat, chat.postings)) return false;
  const changed = await refreshChatsPostings(db, connection, [chatId]);
  return changed.length > 0;
}
