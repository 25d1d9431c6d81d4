import { matchesOutboxMessage } from "@/lib/cache/matches-outbox-message";
import type { OutboxMessage } from "@/lib/db/generated/client";
import { getChatHistory, type OzonChatMessage, type OzonConnection } from "@/lib/ozon";

export type SentMessageLookup = {
  /** The messages that may be the outbox row, oldest first. */
  candidates: OzonChatMessage[];
  /** Every message read, newest first: the top of the chat's history, without gaps. */
  recent: OzonChatMessage[];
};

export type SentMessageSearch = {
  /** Only messages newer than this id (the chat's newest message before the send), when known. */
  afterMessageId?: bigint | null;
  /** Otherwise only messages Ozon dated at or after this moment. */
  notBefore?: Date | null;
  /** Messages per history page (default 20). */
  pageLimit?: number;
  /** History pages to read at most (default 1). */
  maxPages?: number;
};

/**
 * Ozon's send methods answer only "success", without the message's id. This finds the messages in the chat's
 * recent history that may be the outbox row: written by the seller, with the same text (or, for a file, a link
 * named like the file), newer than the bound. Oldest first: when the same text was sent twice, the first send
 * claims the first message.
 */
export async function findSentMessageCandidates(
  connection: OzonConnection,
  ozonChatId: string,
  row: Pick<OutboxMessage, "kind" | "text" | "fileName">,
  search: SentMessageSearch,
): Promise<SentMessageLookup> {
  const afterId = search.afterMessageId ?? null;
  const notBefore = search.notBefore?.getTime() ?? null;
  const isPastBound = (message: OzonChatMessage) =>
    afterId !== null
      ? BigInt(message.messageId) <= afterId
      : notBefore !== null && Date.parse(message.createdAt) < notBefore;

  const candidates: OzonChatMessage[] = [];
  const recent: OzonChatMessage[] = [];
  let from: string | undefined;
  for (let page = 0; page < (search.maxPages ?? 1); page++) {
    const history = await getChatHistory(connection, {
      chatId: ozonChatId,
      direction: "Backward",
      ...(from !== undefined ? { fromMessageId: from } : {}),
      limit: search.pageLimit ?? 20,
    });
    for (const message of history.messages) {
      if (message.messageId === from) continue;
      recent.push(message);
      if (isPastBound(message)) continue;
      if (message.user.type === "seller" && matchesOutboxMessage(message, row)) candidates.push(message);
    }
    const oldest = history.messages[history.messages.length - 1];
    if (!history.hasNext || !oldest || isPastBound(oldest) || oldest.messageId === from) break;
    from = oldest.messageId;
  }
  candidates.sort((a, b) => (BigInt(a.messageId) < BigInt(b.messageId) ? -1 : 1));
  return { candidates, recent };
}
