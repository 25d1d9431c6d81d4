// Beside the feedback items rather than lib/chats' saved-replies test: it stores questions and reviews as their sync
// does, and lib/feedback imports lib/chats (the reverse would be a cycle of lib's folders).
import { beforeEach, expect, it } from "vitest";

import { createTestAccount } from "@/lib/cache/test-helpers";
import { forEachDatabase } from "@/lib/db/testing";
import { fillReplyVariables } from "@/lib/replies/fill-reply-variables";
import { loadReplyVariables } from "@/lib/replies/load-reply-variables";

import { storeFeedbackItem } from "./store-feedback-item";

forEachDatabase("{buyer} of a question or review", (db) => {
  let accountId: string;
  const agent = { id: "", name: "Ольга" };
  beforeEach(async () => {
    await db.reset();
    accountId = await createTestAccount(db.prisma);
    agent.id = (await db.prisma.user.create({ data: { email: "olga@example.test", name: agent.name, passwordHash: "x" } })).id;
  });

  const item = (kind: "question" | "review", ozonId: string, authorName: string) =>
    storeFeedbackItem(db.prisma, accountId, {
      ...{ kind, ozonId, sku: "123456", text: "Подойдёт ли к iPhone 15?", authorName, publishedAt: "2026-12-01T10:00:00Z", status: "NEW" },
      ...{ replyCount: 0, rating: kind === "review" ? 2 : null, photos: null, product: { name: "Чехол", imageUrl: null }, replies: [], repliesComplete: true },
    });
  // Read from the cache alone: asking Ozon would fail the test.
  const noOzon = () => Promise.reject(new Error("a question's variables must not call Ozon"));
  const buyerOf = async (chatId: string) => (await loadReplyVariables(db.prisma, noOzon, { accountId, chatId }, agent)).buyer;

  it("is the name Ozon gives with a question, not its stand-in for a hidden one; a review names nobody", async () => {
    expect(await buyerOf((await item("question", "q-vars-2", " Анна К. ")).chatId)).toBe("Анна К.");
    expect(fillReplyVariables("Здравствуйте, {buyer}!", { buyer: await buyerOf((await item("question", "q-vars-3", "Анна К.")).chatId) }).text).toBe(
      "Здравствуйте, Анна К.!",
    );
    expect(await buyerOf((await item("question", "q-vars-4", "Пользователь OZON")).chatId)).toBeNull();
    expect(await buyerOf((await item("question", "q-vars-5", "")).chatId)).toBeNull();
    expect(await buyerOf((await item("review", "r-vars-1", "")).chatId)).toBeNull();
  });
});
