import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { listChats, startChat, type OzonChatSummary, type OzonConnection } from "@/lib/ozon";
import { storeChatSummaries } from "@/lib/cache/store-chat-summaries";
import { findChatForPosting, orderNumberOfPosting } from "./find-chat-for-posting";
import { postingNumberSchema } from "./posting-number-schema";

const startChatForPostingRequestSchema = z.object({ postingNumber: postingNumberSchema });
export type StartChatForPostingRequest = z.input<typeof startChatForPostingRequestSchema>;

export const startChatForPostingResponseSchema = z.object({
  /** Our chat id (for /chats/[chatId]). */
  chatId: z.string(),
  ozonChatId: z.string(),
  /** False when the chat was already in the inbox. */
  created: z.boolean(),
});
export type StartChatForPostingResponse = z.infer<typeof startChatForPostingResponseSchema>;

/** A chat Ozon just started shows up on the first page of /v3/chat/list (newest activity first). */
const LIST_PAGES_TO_SEARCH = 3;

/**
 * The chat with the buyer of a posting: the cached one when there is one, else Ozon's (/v1/chat/start returns
 * an existing chat too), stored with its posting number so the order page and the inbox link to each other.
 * Ozon's refusals (FBO, start window over, unpaid, cancelled) come back in words.
 */
export async function startChatForPosting(
  db: Db,
  connection: OzonConnection,
  accountId: string,
  request: StartChatForPostingRequest,
): Promise<StartChatForPostingResponse> {
  const { postingNumber } = startChatForPostingRequestSchema.parse(request);
  const links = { postingNumber, orderNumber: orderNumberOfPosting(postingNumber) };
  // The chat the inbox already has for it, however it began (imported chats know only the order number).
  const cached = await findChatForPosting(db, accountId, links);
  if (cached) return { chatId: cached.id, ozonChatId: cached.ozonChatId, created: false };

  const { chatId: ozonChatId } = await startChat(connection, { postingNumber });
  const known = await db.chat.findUnique({ where: { accountId_ozonChatId: { accountId, ozonChatId } } });
  if (known) {
    // Synced before, but /v3/chat/list does not say which posting a chat is about.
    await db.chat.update({ where: { id: known.id }, data: links });
    return { chatId: known.id, ozonChatId, created: false };
  }

  // Two writes, not one transaction: lib/sync's writers cannot join a caller's transaction yet. If the second
  // fails, the chat is listed without its posting, and the next start links it (the branch above).
  await storeChatSummaries(db, accountId, [await findChatSummary(connection, ozonChatId)]);
  const stored = await db.chat.update({ where: { accountId_ozonChatId: { accountId, ozonChatId } }, data: links });
  return { chatId: stored.id, ozonChatId, created: true };
}

async function findChatSummary(connection: OzonConnection, ozonChatId: string): Promise<OzonChatSummary> {
  let cursor: string | undefined;
  for (let page = 0; page < LIST_PAGES_TO_SEARCH; page++) {
    const result = await listChats(connection, { limit: 100, ...(cursor ? { cursor } : {}) });
    const found = result.chats.find((chat) => chat.chatId === ozonChatId);
    if (found) return found;
    if (!result.hasNext || !result.cursor) break;
    cursor = result.cursor;
  }
  // Not on the first pages (a very busy shop): what /v1/chat/start implies is enough to list it; the sync
  // corrects the details on its next pass.
  return {
    chatId: ozonChatId,
    chatStatus: "OPENED",
    chatType: "BUYER_SELLER",
    chatTypeRaw: "BUYER_SELLER",
    isBuyerChat: true,
    createdAt: new Date().toISOString(),
    firstUnreadMessageId: "0",
    lastMessageId: "0",
    unreadCount: 0,
  };
}
