import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/client";
import type { Chat } from "@/lib/db/generated/client";

/**
 * A cached chat of this account. A chat of another account gets the same not-found as a chat that does not
 * exist, so an id never tells anyone what other accounts hold.
 */
export async function findAccountChat(db: Db, accountId: string, chatId: string): Promise<Chat> {
  const chat = chatId.length <= 100 ? await db.chat.findFirst({ where: { id: chatId, accountId } }) : null;
  if (!chat) throw new AppError("chat_not_found");
  return chat;
}
