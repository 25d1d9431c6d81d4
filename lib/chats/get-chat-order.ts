import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { publishChatChange } from "@/lib/live/publish-chat-change";
import { isOzonApiError, type OzonConnection } from "@/lib/ozon";
import { refreshChatPostings } from "@/lib/reply-window/refresh-chat-postings";
import { syncOzonClockOffset } from "@/lib/reply-window/sync-ozon-clock-offset";
import { chatPostingViewSchema, toChatPostingView } from "@/lib/cache/chat-posting-view";
import { chatViewSchema, toChatView } from "@/lib/cache/chat-view";
import { findAccountChat } from "./find-account-chat";

export const getChatOrderResponseSchema = z.object({
  /** The chat as it is after its postings were read (its reply state may have changed). */
  chat: chatViewSchema,
  /** Its postings, oldest first; empty when the chat names no order (or Ozon knows none). */
  postings: z.array(chatPostingViewSchema),
  /** Why the postings shown may be out of date (Ozon could not be asked), else null. */
  notice: z.string().nullable(),
});
export type GetChatOrderResponse = z.infer<typeof getChatOrderResponseSchema>;

/**
 * The order a chat is about, for the thread's side panel: reads the chat's postings from Ozon when they were never
 * read or may have changed (see refreshChatPostings), stores them, and answers them with the chat. A change of the
 * chat's reply window reaches every tab as a live event. When Ozon cannot be asked, the stored postings are
 * answered with a notice.
 */
export async function getChatOrder(db: Db, connection: OzonConnection, accountId: string, chatId: string): Promise<GetChatOrderResponse> {
  const chat = await findAccountChat(db, accountId, chatId);
  let notice: string | null = null;
  let changed = false;
  try {
    changed = await refreshChatPostings(db, connection, chat.id);
    if (await syncOzonClockOffset(db, accountId, connection.baseUrl)) changed = true;
  } catch (error) {
    if (!isOzonApiError(error)) throw error;
    notice = error.message;
  }
  if (changed) await publishChatChange(db, { accountId, chatId: chat.id });
  const [fresh, postings] = await Promise.all([
    db.chat.findUniqueOrThrow({ where: { id: chat.id } }),
    db.chatPosting.findMany({ where: { chatId: chat.id }, orderBy: [{ paidAt: "asc" }, { postingNumber: "asc" }] }),
  ]);
  return { chat: toChatView(fresh), postings: postings.map(toChatPostingView), notice };
}
