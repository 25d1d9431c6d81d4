import { expect, test, type Page } from "@playwright/test";
import { DEMO_ADMIN, emulatorUrl, expectAccessible, signIn } from "./support";

type Language = "en" | "ru";
type ApiChat = { id: string; ozonChatId: string; assigneeId: string | null; awaitingSince: string | null };

const WORDS = {
  en: {
    questions: "Questions",
    reviews: "Reviews",
    needsReply: /Needs reply/,
    takeIt: "Assign to me",
    answer: "Answer to the question",
    comment: "Comment on the review",
    publishAnswer: "Publish answer",
    publishComment: "Publish comment",
    published: "Sent to Ozon",
    rating: "Rating: 1 of 5",
    reviewsRefused: "Reviews are not imported",
  },
  ru: {
    questions: "Вопросы",
    reviews: "Отзывы",
    needsReply: /Ждут ответа/,
    takeIt: "Взять себе",
    answer: "Ответ на вопрос",
    comment: "Комментарий к отзыву",
    publishAnswer: "Опубликовать ответ",
    publishComment: "Опубликовать комментарий",
    published: "Отправлено в Ozon",
    rating: "Оценка: 1 из 5",
    reviewsRefused: "Отзывы не загружены",
  },
} as const;

async function emulator(page: Page, path: string, data: object) {
  const answer = await page.request.post(`${emulatorUrl}/__emulator/${path}`, { data });
  expect(answer.ok(), await answer.text()).toBe(true);
  return answer.json() as Promise<{ id: string }>;
}

async function signInAs(page: Page, language: Language): Promise<string> {
  await signIn(page, DEMO_ADMIN);
  if (language === "ru") {
    await page.context().addCookies([{ name: "seller-inbox-locale", value: "ru", url: page.url() }]);
  }
  const answer = await page.request.get("/api/accounts");
  return ((await answer.json()) as { accounts: { id: string }[] }).accounts[0]!.id;
}

/** "Sync now", then wait until the account's poll has stored the item (kind question / review) with that Ozon id. */
async function pollFor(page: Page, accountId: string, kind: "question" | "review", ozonId: string): Promise<ApiChat> {
  let found: ApiChat | undefined;
  await expect
    .poll(
      async () => {
        await page.request.post(`/api/accounts/${accountId}/sync`);
        const list = (await (await page.request.get(`/api/accounts/${accountId}/chats?kind=${kind}&limit=100`)).json()) as { chats: ApiChat[] };
        found = list.chats.find((c) => c.ozonChatId === `${kind}:${ozonId}`);
        return found !== undefined;
      },
      { timeout: 30_000, intervals: [500, 1000, 2000] },
    )
    .toBe(true);
  return found!;
}

for (const language of ["en", "ru"] as const) {
  test(`a buyer's question arrives by the poll, waits unassigned in Needs reply, is taken and answered; a 1-star review gets a comment (${language})`, async ({ page }) => {
    test.setTimeout(120_000);
    const w = WORDS[language];
    const accountId = await signInAs(page, language);

    const text = `Подойдёт ли к модели ${language}-${Date.now() % 100000}?`;
    const asked = await emulator(page, "buyer-question", { text });
    const question = await pollFor(page, accountId, "question", asked.id);
    expect(question.assigneeId).toBeNull();
    expect(question.awaitingSince).not.toBeNull();

    // The inbox: the Questions kind, the Needs reply view: the new question is there, unowned.
    await page.goto(`/inbox?account=${accountId}`);
    await page.getByRole("button", { name: w.questions, exact: true }).click();
    await page.getByTestId("queue-views").getByRole("button", { name: w.needsReply }).click();
    const row = page.getByRole("navigation").locator(`a[data-chat-id="${question.id}"]`);
    await expect(row).toBeVisible();
    await expect(row).toContainText(text.slice(0, 20));
    await row.click();

    // The thread shows the product; the admin takes the question and answers it.
    await expect(page.getByTestId("feedback-product")).not.toBeEmpty();
    await page.getByRole("button", { name: w.takeIt, exact: true }).click();
    await expect(page.getByRole("button", { name: w.takeIt, exact: true })).toHaveCount(0);
    const answerText = `Да, подойдёт (${language}).`;
    await page.getByLabel(w.answer).fill(answerText);
    await page.getByRole("button", { name: w.publishAnswer }).click();
    await expect(page.getByTestId("answer-published")).toContainText(w.published);
    await expect(page.getByTestId("our-answer")).toContainText(answerText);
    await expectAccessible(page);

    const state = (await (await page.request.get(`${emulatorUrl}/__emulator/feedback?client_id=demo-client`)).json()) as {
      questions: { id: string; status: string; answers: { text: string; by_seller: boolean }[] }[];
    };
    const atOzon = state.questions.find((q) => q.id === asked.id)!;
    expect(atOzon.answers).toEqual([expect.objectContaining({ text: answerText, by_seller: true })]);
    const after = (await (await page.request.get(`/api/accounts/${accountId}/chats?kind=question&limit=100`)).json()) as { chats: ApiChat[] };
    expect(after.chats.find((c) => c.id === question.id)?.awaitingSince).toBeNull();

    // A 1-star review: its rating in the thread, a comment that marks it processed.
    const review = await emulator(page, "buyer-review", { text: "Пришло сломанным.", rating: 1, photos: 2 });
    const reviewChat = await pollFor(page, accountId, "review", review.id);
    await page.goto(`/inbox/${reviewChat.id}?account=${accountId}`);
    await expect(page.getByTestId("feedback-rating")).toContainText(w.rating);
    await expect(page.getByTestId("feedback-panel").getByRole("img")).toHaveCount(3); // the product and two photos
    const comment = `Нам очень жаль, напишите в чат (${language}).`;
    await page.getByLabel(w.comment).fill(comment);
    await page.getByRole("button", { name: w.publishComment }).click();
    await expect(page.getByTestId("answer-published")).toContainText(w.published);
    const reviews = (await (await page.request.get(`${emulatorUrl}/__emulator/feedback?client_id=demo-client`)).json()) as {
      reviews: { id: string; status: string; comments: { text: string }[] }[];
    };
    const commented = reviews.reviews.find((r) => r.id === review.id)!;
    expect(commented.comments.map((c) => c.text)).toEqual([comment]);
    expect(commented.status).toBe("PROCESSED");
  });
}

test("a seller without the reviews subscription is told why reviews are missing, in both languages", async ({ page }) => {
  test.setTimeout(90_000);
  const accountId = await signInAs(page, "en");
  await emulator(page, "seller-settings", { review_management: false });
  try {
    await expect
      .poll(
        async () => {
          await page.request.post(`/api/accounts/${accountId}/sync`);
          const accounts = (await (await page.request.get("/api/accounts")).json()) as { accounts: { id: string; sync?: { reviewsRefusedAt?: string | null } }[] };
          return accounts.accounts.find((a) => a.id === accountId)?.sync?.reviewsRefusedAt ?? null;
        },
        { timeout: 30_000, intervals: [500, 1000, 2000] },
      )
      .not.toBeNull();
    await page.goto("/settings");
    await expect(page.getByTestId("reviews-refused")).toContainText(WORDS.en.reviewsRefused);
    await page.context().addCookies([{ name: "seller-inbox-locale", value: "ru", url: page.url() }]);
    await page.reload();
    await expect(page.getByTestId("reviews-refused")).toContainText(WORDS.ru.reviewsRefused);
    await expectAccessible(page);
  } finally {
    await emulator(page, "seller-settings", { review_management: true });
  }
});
