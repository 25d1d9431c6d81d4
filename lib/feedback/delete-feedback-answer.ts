import { toChatView, type ChatView } from "@/lib/cache/chat-view";
import { findAccountChat } from "@/lib/chats/find-account-chat";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { deleteQuestionAnswer, deleteReviewComment, type OzonConnection } from "@/lib/ozon";

import { refreshFeedbackItem } from "./refresh-feedback-item";

/**
 * Deletes one of our answers to a question, or our comment on a review, at Ozon (by the message's Ozon id in the
 * thread), then reads the item back: the question awaits an answer again if it was the only one.
 */
export async function deleteFeedbackAnswer(
  db: Db,
  connection: OzonConnection,
  target: { accountId: string; chatId: string; messageId: string },
): Promise<{ chat: ChatView }> {
  const chat = await findAccountChat(db, target.accountId, target.chatId);
  if (chat.type !== "question" && chat.type !== "review") throw new AppError("chat_not_found");
  const message = /^\d{1,20}$/.test(target.messageId)
    ? await db.message.findUnique({ where: { chatId_ozonMessageId: { chatId: chat.id, ozonMessageId: BigInt(target.messageId) } } })
    : null;
  if (!message || !message.ozonItemId) throw new AppError("message_not_found");
  if (message.authorType !== "seller") throw new AppError("answer_not_ours");
  const sku = chat.sku ?? "";
  if (chat.type === "question") await deleteQuestionAnswer(connection, { answerId: message.ozonItemId, sku });
  else await deleteReviewComment(connection, { commentId: message.ozonItemId, sku });
  await refreshFeedbackItem(db, connection, chat);
  return { chat: toChatView(await findAccountChat(db, target.accountId, target.chatId)) };
}
