import type { Db } from "@/lib/db/client";
import type { Chat } from "@/lib/db/generated/client";
import { getChatHistory, type OzonChatMessage, type OzonConnection } from "@/lib/ozon";
import { storeMessages } from "@/lib/cache/store-messages";

/** Forward pages read at most to join a recent page to the cache; beyond that the sync catches up instead. */
const MAX_BRIDGE_PAGES = 5;

/**
 * Stores messages just read from the top of a chat's history (newest first, without gaps, as /v3/chat/history
 * gives them) so that the cache stays a gap-free run of Ozon's history: the sync continues forward from the
 * newest message the cache holds, so a message stored above a gap would hide the gap from it for good. When the
 * page does not reach down to the cache's newest message, the messages in between are read first. Messages
 * this inbox sent are stored with their sender and client id.
 *
 * Returns false when nothing was stored because the gap could not be read (the sync brings the messages).
 */
export async function storeRecentMessages(
  db: Db,
  connection: OzonConnection,
  chat: Pick<Chat, "id" | "ozonChatId">,
  recent: OzonChatMessage[],
): Promise<boolean> {
  if (recent.length === 0) return true;
  const ids = recent.map((message) => BigInt(message.messageId));
  const oldestRead = ids.reduce((a, b) => (b < a ? b : a));
  const newestCached = (await db.message.aggregate({ where: { chatId: chat.id }, _max: { ozonMessageId: true } }))._max.ozonMessageId ?? 0n;

  const between: OzonChatMessage[] = [];
  if (newestCached > 0n && oldestRead > newestCached) {
    let from = newestCached;
    for (let page = 0; page < MAX_BRIDGE_PAGES && from < oldestRead; page++) {
      const history = await getChatHistory(connection, {
        chatId: chat.ozonChatId,
        direction: "Forward",
        fromMessageId: from,
        limit: 1000,
      });
      let newest = from;
      for (const message of history.messages) {
        const id = BigInt(message.messageId);
        if (id > newest) newest = id;
        if (id > newestCached && id < oldestRead) between.push(message);
      }
      if (!history.hasNext || newest === from) {
        from = oldestRead; // the history ends before the page: nothing is missing
        break;
      }
      from = newest;
    }
    if (from < oldestRead) return false;
  }

  // Messages this inbox sent get their agent and client id in storeMessages (attributeOutboxMessages).
  await storeMessages(db, { id: chat.id }, [...between, ...recent]);
  return true;
}
