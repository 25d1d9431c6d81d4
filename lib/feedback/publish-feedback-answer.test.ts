import { afterAll, beforeEach, expect, it } from "vitest";

import { closeOtherSessions, createTestAccount } from "@/lib/cache/test-helpers";
import { forEachDatabase } from "@/lib/db/testing";
import { AppError } from "@/lib/errors/app-error";
import { toAppError } from "@/lib/errors/to-app-error";
import { syncAccountNow } from "@/lib/testing/sync-test-account";
import { withEmulator } from "@/lib/testing/with-emulator";

import { deleteFeedbackAnswer } from "./delete-feedback-answer";
import { feedbackChatId } from "@/lib/cache/feedback-kinds";
import { publishFeedbackAnswer } from "./publish-feedback-answer";

forEachDatabase("answering questions and reviews", (db) => {
  const emulator = withEmulator({ rateLimit: 0 });
  let accountId: string;
  let userId: string;
  afterAll(() => closeOtherSessions(db));
  beforeEach(async () => {
    await db.reset();
    accountId = await createTestAccount(db.prisma);
    userId = (await db.prisma.user.create({ data: { email: "agent@example.test", name: "Агент", passwordHash: "x" } })).id;
    await syncAccountNow(db.prisma, accountId, emulator.connection());
  });
  const row = (kind: "question" | "review", ozonId: string) =>
    db.prisma.chat.findUniqueOrThrow({ where: { accountId_ozonChatId: { accountId, ozonChatId: feedbackChatId(kind, ozonId) } } });

  it("publishes an answer at Ozon, shows it as this agent's in moderation, and deletes it again", async () => {
    const asked = await emulator.control.buyerQuestion({ text: "Есть ли гарантия?" });
    await syncAccountNow(db.prisma, accountId, emulator.connection());
    const chat = await row("question", asked.id);
    expect(chat.awaitingSince).not.toBeNull();

    await publishFeedbackAnswer(db.prisma, emulator.connection(), { accountId, chatId: chat.id }, { id: userId }, { text: "Да, гарантия 12 месяцев." });
    const atOzon = (await emulator.control.feedback()).questions.find((q) => q.id === asked.id)!;
    expect(atOzon.answers).toMatchObject([{ text: "Да, гарантия 12 месяцев.", by_seller: true }]);
    expect(atOzon.status).toBe("PROCESSED");
    const answered = await db.prisma.chat.findUniqueOrThrow({ where: { id: chat.id }, include: { messages: { orderBy: { ozonMessageId: "asc" } } } });
    expect(answered.awaitingSince).toBeNull();
    const ours = answered.messages.at(-1)!;
    expect(ours).toMatchObject({ authorType: "seller", sentByUserId: userId, moderationStatus: "MODERATION", ozonItemId: atOzon.answers[0]!.id });

    await deleteFeedbackAnswer(db.prisma, emulator.connection(), { accountId, chatId: chat.id, messageId: ours.ozonMessageId.toString() });
    expect((await emulator.control.feedback()).questions.find((q) => q.id === asked.id)!.answers).toEqual([]);
    const again = await db.prisma.chat.findUniqueOrThrow({ where: { id: chat.id }, include: { messages: true } });
    expect(again.messages).toHaveLength(1);
    expect(again.awaitingSince).not.toBeNull();
  });

  it("refuses a text outside 2..3000 characters before Ozon, and says Ozon's refusal of a review in words", async () => {
    const review = await emulator.control.buyerReview({ text: "Не понравилось", rating: 1 });
    await syncAccountNow(db.prisma, accountId, emulator.connection());
    const chat = await row("review", review.id);
    await emulator.control.resetCalls();
    for (const text of ["Д", "   ", "я".repeat(3001)]) {
      const error = await publishFeedbackAnswer(db.prisma, emulator.connection(), { accountId, chatId: chat.id }, { id: userId }, { text }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("answer_text_invalid");
    }
    // A saved reply inserted with a variable the item has no value for.
    const unfilled = await publishFeedbackAnswer(db.prisma, emulator.connection(), { accountId, chatId: chat.id }, { id: userId }, { text: "{buyer}, нам жаль." }).catch((e: unknown) => e);
    expect(unfilled).toBeInstanceOf(AppError);
    expect((unfilled as AppError).code).toBe("variables_unfilled");
    expect((await emulator.control.calls()).total).toBe(0);

    await emulator.control.sellerSettings({ review_management: false });
    const refused = await publishFeedbackAnswer(db.prisma, emulator.connection(), { accountId, chatId: chat.id }, { id: userId }, { text: "Нам жаль." }).catch((e: unknown) => e);
    expect(toAppError(refused).code).toBe("ozon_reviews_subscription_required");
    await emulator.control.sellerSettings({ review_management: true });

    await publishFeedbackAnswer(db.prisma, emulator.connection(), { accountId, chatId: chat.id }, { id: userId }, { text: "Нам жаль, напишите нам.", markProcessed: true });
    const atOzon = (await emulator.control.feedback()).reviews.find((r) => r.id === review.id)!;
    expect(atOzon.status).toBe("PROCESSED");
    expect(atOzon.comments.map((c) => c.text)).toEqual(["Нам жаль, напишите нам."]);
    expect((await db.prisma.chat.findUniqueOrThrow({ where: { id: chat.id } })).awaitingSince).toBeNull();
  });
});
