import { z } from "zod";

import { toChatView, type ChatView } from "@/lib/cache/chat-view";
import { findAccountChat } from "@/lib/chats/find-account-chat";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { publishChatChange } from "@/lib/live/publish-chat-change";
import { findUnfilledVariables } from "@/lib/replies/fill-reply-variables";
import { ANSWER_TEXT_MAX_CHARS, ANSWER_TEXT_MIN_CHARS, checkAnswerText, createQuestionAnswer, createReviewComment, type OzonConnection } from "@/lib/ozon";

import { refreshFeedbackItem } from "./refresh-feedback-item";

export const publishFeedbackAnswerRequestSchema = z.object({
  text: z.string({ error: "text must be a string" }).max(4 * ANSWER_TEXT_MAX_CHARS, { error: "text is far too long" }),
  /** A review's comment only: Ozon marks the review processed with it. */
  markProcessed: z.boolean().optional(),
});
export type PublishFeedbackAnswerRequest = z.input<typeof publishFeedbackAnswerRequestSchema>;

/** The 2..3000 characters of an answer or comment, as the browser and the route check them (lib/ozon's rule). */
function answerTextProblem(text: string): AppError | null {
  const check = checkAnswerText(text);
  if (check.ok) return null;
  const problem = text.trim() === "" ? "blank" : check.length < ANSWER_TEXT_MIN_CHARS ? "too_short" : "too_long";
  return new AppError("answer_text_invalid", { problem, length: check.length, min: ANSWER_TEXT_MIN_CHARS, max: ANSWER_TEXT_MAX_CHARS });
}

/**
 * Publishes an answer to a product question, or a comment on a review (optionally marking it processed), at Ozon
 * (once: Ozon's create is not idempotent, so a lost answer is never sent twice — the outcome then is said, and the
 * next poll shows what Ozon has), then reads the item back so the thread shows it with Ozon's id and moderation
 * state, marked as this agent's. Ozon's refusals keep its reason (lib/errors/to-app-error.ts).
 */
export async function publishFeedbackAnswer(
  db: Db,
  connection: OzonConnection,
  target: { accountId: string; chatId: string },
  user: { id: string },
  request: PublishFeedbackAnswerRequest,
): Promise<{ chat: ChatView }> {
  const { text, markProcessed } = publishFeedbackAnswerRequestSchema.parse(request);
  const chat = await findAccountChat(db, target.accountId, target.chatId);
  if (chat.type !== "question" && chat.type !== "review") throw new AppError("chat_not_found");
  const problem = answerTextProblem(text);
  if (problem) throw problem;
  // A saved reply's variable without a value ({buyer}) would reach buyers as braces: as for chat messages.
  const unfilled = findUnfilledVariables(text);
  if (unfilled.length > 0) throw new AppError("variables_unfilled", { names: unfilled });
  const ozonId = chat.ozonChatId.slice(chat.type.length + 1);
  const answerId =
    chat.type === "question"
      ? (await createQuestionAnswer(connection, { questionId: ozonId, sku: chat.sku ?? "", text })).answerId
      : (await createReviewComment(connection, { reviewId: ozonId, text, markReviewAsProcessed: markProcessed ?? false })).commentId;
  await refreshFeedbackItem(db, connection, chat);
  // The agent who wrote it (metrics, the thread's "you"); the read-back stored it as the shop's.
  const updated = await db.message.updateMany({ where: { chatId: chat.id, ozonItemId: answerId }, data: { sentByUserId: user.id } });
  if (updated.count > 0) await publishChatChange(db, { accountId: chat.accountId, chatId: chat.id });
  return { chat: toChatView(await findAccountChat(db, target.accountId, target.chatId)) };
}
