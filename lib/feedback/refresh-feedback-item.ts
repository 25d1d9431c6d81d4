import type { Chat } from "@/lib/db/generated/client";
import type { Db } from "@/lib/db/client";
import { publishChatChange } from "@/lib/live/publish-chat-change";
import { getQuestion, getReview, getSellerInfo, type OzonConnection } from "@/lib/ozon";

import { readFeedbackMemo } from "./feedback-memo";
import { loadQuestionItem, loadReviewItem } from "./load-feedback-item";
import { storeFeedbackItem } from "./store-feedback-item";

/**
 * Reads one question or review again from Ozon (the item, its answers or comments) and stores it, after an answer was
 * published or deleted here: the cache then holds Ozon's own id, time and moderation state of it. Publishes the change.
 */
export async function refreshFeedbackItem(db: Db, connection: OzonConnection, chat: Chat): Promise<void> {
  const ozonId = chat.ozonChatId.slice(chat.type.length + 1);
  const product = chat.productName ? { name: chat.productName, imageUrl: chat.productImageUrl } : undefined;
  const options = { cachedReplies: true, product, onCall: async () => {} };
  let item;
  if (chat.type === "question") {
    const state = await db.syncState.findUnique({ where: { accountId: chat.accountId }, select: { cursor: true } });
    const shopName = readFeedbackMemo(state?.cursor ?? null).shopName ?? (await getSellerInfo(connection)).companyName ?? "";
    item = await loadQuestionItem(connection, await getQuestion(connection, ozonId), shopName, options);
  } else {
    item = await loadReviewItem(connection, await getReview(connection, ozonId), options);
  }
  const stored = await storeFeedbackItem(db, chat.accountId, item);
  await publishChatChange(db, { accountId: chat.accountId, chatId: stored.chatId, messageIds: stored.changedMessageIds });
}
