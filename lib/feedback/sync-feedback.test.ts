import { afterAll, beforeEach, expect, it } from "vitest";

import { closeOtherSessions, createTestAccount } from "@/lib/cache/test-helpers";
import { forEachDatabase } from "@/lib/db/testing";
import { syncAccountNow } from "@/lib/testing/sync-test-account";
import { withEmulator } from "@/lib/testing/with-emulator";

import { feedbackChatId } from "@/lib/cache/feedback-kinds";

const FEEDBACK_PATH = /^\/v[12]\/(question|review)\//;

forEachDatabase("questions and reviews in the sync", (db) => {
  const emulator = withEmulator({ rateLimit: 0 });
  let accountId: string;
  afterAll(() => closeOtherSessions(db));
  beforeEach(async () => {
    await db.reset();
    accountId = await createTestAccount(db.prisma);
  });
  const conn = () => emulator.connection();

  /** Ozon calls of questions and reviews (and product cards) since the last reset, by path. */
  const feedbackCalls = async () =>
    Object.fromEntries(
      Object.entries((await emulator.control.calls()).by_path).filter(([path]) => FEEDBACK_PATH.test(path) || path === "/v3/product/info/list"),
    );

  it("the import stores every question and review as a row of its kind, with its product, answers and photos", async () => {
    const feedback = await emulator.control.feedback();
    const report = await syncAccountNow(db.prisma, accountId, conn());
    expect(report.feedbackError).toBeNull();
    expect(await db.prisma.chat.count({ where: { accountId, type: "question" } })).toBe(feedback.questions.length);
    expect(await db.prisma.chat.count({ where: { accountId, type: "review" } })).toBe(feedback.reviews.length);
    // Product cards: one call per kind for the whole shop, and never again for a SKU already read.
    expect((await emulator.control.calls()).by_path["/v3/product/info/list"]).toBe(2);

    for (const q of feedback.questions) {
      const row = await db.prisma.chat.findUniqueOrThrow({
        where: { accountId_ozonChatId: { accountId, ozonChatId: feedbackChatId("question", q.id) } },
        include: { messages: { orderBy: { ozonMessageId: "asc" } } },
      });
      expect(row).toMatchObject({ type: "question", isBuyerChat: false, sku: String(q.sku), feedbackStatus: q.status });
      expect(row.productName).toBeTruthy();
      expect(row.messages[0]).toMatchObject({ authorType: "customer", text: q.text, ozonItemId: q.id });
      // The seller's answers in every state, others' once published.
      const listed = q.answers.filter((a) => a.by_seller || a.status_publication === "PUBLISHED");
      expect(row.messages.slice(1).map((m) => m.ozonItemId).sort()).toEqual(listed.map((a) => a.id).sort());
      const ours = listed.filter((a) => a.by_seller);
      expect(row.messages.filter((m) => m.authorType === "seller")).toHaveLength(ours.length);
      // Needs reply: a question none of our answers answers.
      expect(row.awaitingSince !== null).toBe(ours.length === 0);
    }
    const withPhotos = feedback.reviews.find((r) => r.photos.length > 0)!;
    const review = await db.prisma.chat.findUniqueOrThrow({
      where: { accountId_ozonChatId: { accountId, ozonChatId: feedbackChatId("review", withPhotos.id) } },
    });
    expect(review).toMatchObject({ rating: withPhotos.rating });
    expect(review.photos).toEqual(withPhotos.photos);
  });

  it("items are stored oldest first while the next ones are read ahead: a failure leaves the oldest stored, none newer", async () => {
    // One answer list refused mid-import: the items read ahead of it are dropped, not stored out of order.
    await emulator.control.addFault({ path: "/v1/question/answer/list", mode: "error", status: 400, count: 1 });
    const report = await syncAccountNow(db.prisma, accountId, conn());
    expect(report.feedbackError).not.toBeNull();
    const questions = (await emulator.control.feedback()).questions;
    const oldestFirst = [...questions].sort((a, b) => (a.published_at < b.published_at ? -1 : a.published_at > b.published_at ? 1 : 0));
    const stored = new Set(
      (await db.prisma.chat.findMany({ where: { accountId, type: "question" }, select: { ozonChatId: true } })).map((c) => c.ozonChatId),
    );
    expect(stored.size).toBeLessThan(questions.length);
    expect(oldestFirst.map((q) => stored.has(feedbackChatId("question", q.id)))).toEqual(oldestFirst.map((_, i) => i < stored.size));
    // The next pass brings the rest.
    await syncAccountNow(db.prisma, accountId, conn(), { full: true });
    expect(await db.prisma.chat.count({ where: { accountId, type: "question" } })).toBe(questions.length);
  });

  it("an idle poll is two Ozon calls per kind (count and the newest page); a new question costs no more", async () => {
    await syncAccountNow(db.prisma, accountId, conn());
    await emulator.control.resetCalls();
    const report = await syncAccountNow(db.prisma, accountId, conn());
    expect(report.mode).toBe("incremental");
    expect(await feedbackCalls()).toEqual({ "/v1/question/count": 1, "/v1/question/list": 1, "/v2/review/count": 1, "/v2/review/list": 1 });
    expect(report.feedback).toMatchObject({ questionCalls: 2, reviewCalls: 2, otherCalls: 0, itemsStored: 0 });

    const asked = await emulator.control.buyerQuestion({ text: "Подойдёт ли чехол к модели 2024 года?" });
    await emulator.control.resetCalls();
    const after = await syncAccountNow(db.prisma, accountId, conn());
    expect(await feedbackCalls()).toEqual({ "/v1/question/count": 1, "/v1/question/list": 1, "/v2/review/count": 1, "/v2/review/list": 1 });
    expect(after.feedback?.itemsStored).toBe(1);
    const row = await db.prisma.chat.findUniqueOrThrow({ where: { accountId_ozonChatId: { accountId, ozonChatId: feedbackChatId("question", asked.id) } } });
    expect(row).toMatchObject({ assigneeId: null, workStatus: "OPEN", lastMessagePreview: "Подойдёт ли чехол к модели 2024 года?" });
    expect(row.awaitingSince).not.toBeNull();
    expect(row.productName).toBeTruthy();
    // Open tabs are told, as for a chat's new message.
    const events = await db.prisma.liveEvent.findMany({ where: { accountId, kind: "message" } });
    expect(events.some((e) => (e.payload as { chat?: { id?: string } }).chat?.id === row.id)).toBe(true);
  });

  it("an older question answered in Ozon's portal leaves Needs reply by the counts, without reading every page each poll", async () => {
    await syncAccountNow(db.prisma, accountId, conn());
    const feedback = await emulator.control.feedback();
    // The oldest question nobody answered: far below the newest page's first item.
    const open = feedback.questions.filter((q) => q.status !== "PROCESSED" && q.answers.every((a) => !a.by_seller));
    const oldest = open.reduce((a, b) => (a.published_at < b.published_at ? a : b));
    await emulator.control.questionAnswer({ question_id: oldest.id, text: "Да, подойдёт.", by: "seller", publication: "PUBLISHED" });
    const ozonId = feedbackChatId("question", oldest.id);
    await syncAccountNow(db.prisma, accountId, conn());
    const row = await db.prisma.chat.findUniqueOrThrow({ where: { accountId_ozonChatId: { accountId, ozonChatId: ozonId } } });
    expect(row.awaitingSince).toBeNull();
    expect(row.lastMessageAuthor).toBe("seller");
    // Then idle again.
    await emulator.control.resetCalls();
    await syncAccountNow(db.prisma, accountId, conn());
    expect(await feedbackCalls()).toEqual({ "/v1/question/count": 1, "/v1/question/list": 1, "/v2/review/count": 1, "/v2/review/list": 1 });
  });

  it("without the reviews subscription the questions still come, and the sync state records why reviews do not", async () => {
    await emulator.control.sellerSettings({ review_management: false });
    const report = await syncAccountNow(db.prisma, accountId, conn());
    expect(report.feedback?.reviewsRefused).toBe(true);
    expect(await db.prisma.chat.count({ where: { accountId, type: "question" } })).toBeGreaterThan(0);
    expect(await db.prisma.chat.count({ where: { accountId, type: "review" } })).toBe(0);
    const state = await db.prisma.syncState.findUniqueOrThrow({ where: { accountId } });
    expect(state.reviewsRefusedAt).not.toBeNull();
    // A poll leaves reviews alone until a full pass tries again.
    await emulator.control.resetCalls();
    await syncAccountNow(db.prisma, accountId, conn());
    expect(await feedbackCalls()).toEqual({ "/v1/question/count": 1, "/v1/question/list": 1 });
    await emulator.control.sellerSettings({ review_management: true });
    await syncAccountNow(db.prisma, accountId, conn(), { full: true });
    expect((await db.prisma.syncState.findUniqueOrThrow({ where: { accountId } })).reviewsRefusedAt).toBeNull();
    expect(await db.prisma.chat.count({ where: { accountId, type: "review" } })).toBeGreaterThan(0);
  });
});
