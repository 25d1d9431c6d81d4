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
    reviewOrder: "Order of reviews",
    lowRatingsFirst: "Low ratings first",
    rowRating: /Review, (\d) of 5/,
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
    reviewOrder: "Порядок отзывов",
    lowRatingsFirst: "Сначала низкие оценки",
    rowRating: /Отзыв, (\d) из 5/,
  },
} as const;

async function emulator(page: Page, path: string, data: object) {
  const answer = await page.request.post(`${emulatorUrl}/__emulator/${path}`, { data });
  expect(answer.ok(), await answer.text()).toBe(true);
  return answer.json() as Promise<{ id: string }>;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A team saved reply for this run, by the settings' API; returns its id. */
async function createReply(page: Page, reply: { title: string; shortcut: string; text: string }): Promise<string> {
  const answer = await page.request.post("/api/replies", { data: { ...reply, scope: "team" } });
  expect(answer.status(), await answer.text()).toBe(201);
  return ((await answer.json()) as { reply: { id: string } }).reply.id;
}

async function usageOf(page: Page, replyId: string): Promise<number | undefined> {
  const list = (await (await page.request.get("/api/replies")).json()) as { replies: { id: string; usageCount: number }[] };
  return list.replies.find((r) => r.id === replyId)?.usageCount;
}

/** The page never scrolls sideways (a phone's 390 px). */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
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
  test(`a buyer's question arrives by the poll, waits unassigned in Needs reply, is taken and answered with a saved reply; reviews low ratings first; a 1-star review gets a comment (${language})`, async ({ page }) => {
    test.setTimeout(120_000);
    const w = WORDS[language];
    const accountId = await signInAs(page, language);

    const stamp = `${language}${Date.now().toString(36)}`;
    const replyId = await createReply(page, { title: `Fits ${stamp}`, shortcut: `fit${stamp}`, text: "Здравствуйте! Да, {product} подойдёт. {agent}" });
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
    // The answer is a saved reply, picked by "/" and its letters: the question's product and the agent filled in,
    // its length counted against the answer's 3000.
    const product = (await page.getByTestId("feedback-product").textContent())!.trim();
    const box = page.getByRole("combobox", { name: w.answer });
    await box.click();
    await box.pressSequentially(`/fit${stamp}`);
    const option = page.getByTestId("reply-picker").getByRole("option", { name: new RegExp(`Fits ${stamp}`) });
    await expect(option).toBeVisible({ timeout: 30_000 });
    await expect(option).toContainText("/ 3000");
    await expect(option.locator("mark")).toHaveCount(0);
    await expectAccessible(page);
    await box.press("Enter");
    await expect(page.getByTestId("reply-picker")).toHaveCount(0);
    await expect(box).toHaveValue(new RegExp(`^Здравствуйте! Да, ${escapeRegExp(product)} подойдёт\\. \\S`));
    await expect(box).not.toHaveValue(/[{}]/);
    const answerText = await box.inputValue();
    await expect.poll(() => usageOf(page, replyId)).toBe(1);
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

    // Needs reply of reviews, low ratings first: the rows' ratings never go down.
    await page.goto(`/inbox?account=${accountId}`);
    await page.getByRole("button", { name: w.reviews, exact: true }).click();
    await page.getByTestId("queue-views").getByRole("button", { name: w.needsReply }).click();
    const lowFirst = page.getByRole("group", { name: w.reviewOrder }).getByRole("button", { name: w.lowRatingsFirst });
    await lowFirst.click();
    await expect(lowFirst).toHaveAttribute("aria-pressed", "true");
    const rows = page.getByRole("navigation").locator("a[data-chat-id]");
    await expect(rows.first()).toContainText(w.rowRating);
    await expect(async () => {
      const ratings = (await rows.allTextContents()).map((row) => Number(w.rowRating.exec(row)?.[1] ?? 6));
      expect(ratings.length).toBeGreaterThan(1);
      expect(ratings[0]).toBe(1);
      expect(ratings).toEqual([...ratings].sort((a, b) => a - b));
    }).toPass();
    await expectAccessible(page);
    // The order is remembered in this browser, as the view is.
    await page.reload();
    await page.getByRole("button", { name: w.reviews, exact: true }).click();
    await expect(lowFirst).toHaveAttribute("aria-pressed", "true");
    await page.goto(`/inbox/${reviewChat.id}?account=${accountId}`);
    await expect(page.getByTestId("feedback-rating")).toContainText(w.rating);
    await expect(page.getByTestId("feedback-panel").getByRole("img")).toHaveCount(3); // the product and two photos
    const comment = `Нам очень жаль, напишите в чат (${language}).`;
    await page.getByLabel(w.comment).fill(comment);
    // The typed comment is the review's draft: it waits while the agent looks at another item, and goes once published.
    await page.goto(`/inbox/${question.id}?account=${accountId}`);
    await expect(page.getByRole("combobox", { name: w.answer })).toHaveValue("");
    await page.goto(`/inbox/${reviewChat.id}?account=${accountId}`);
    await expect(page.getByLabel(w.comment)).toHaveValue(comment);
    await page.getByRole("button", { name: w.publishComment }).click();
    await expect(page.getByTestId("answer-published")).toContainText(w.published);
    await page.reload();
    await expect(page.getByLabel(w.comment)).toHaveValue("");
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

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("a question's thread and answer box work at 390×844: a saved reply by tap, a missing value marked and written in, no sideways scroll", async ({ page }) => {
    test.setTimeout(120_000);
    const accountId = await signInAs(page, "en");
    const stamp = `ph${Date.now().toString(36)}`;
    await createReply(page, { title: `Phone ${stamp}`, shortcut: stamp, text: "{buyer}, yes: it fits. {agent}" });
    const asked = await emulator(page, "buyer-question", { text: `Влезет ли в карман? ${stamp}` });
    const question = await pollFor(page, accountId, "question", asked.id);

    await page.goto(`/inbox/${question.id}?account=${accountId}`);
    await expect(page.getByTestId("feedback-product")).not.toBeEmpty();
    await expect(page.getByRole("region", { name: "Messages" }).getByText(`Влезет ли в карман? ${stamp}`)).toBeVisible();
    await expectNoSidewaysScroll(page);

    const box = page.getByRole("combobox", { name: WORDS.en.answer });
    await box.tap();
    await box.pressSequentially(`/${stamp}`);
    const option = page.getByTestId("reply-picker").getByRole("option", { name: new RegExp(`Phone ${stamp}`) });
    await expect(option).toBeVisible({ timeout: 30_000 });
    // Ozon tells no buyer's name: {buyer} is marked as left to write in.
    await expect(option.locator("mark")).toContainText("{buyer}");
    await expectNoSidewaysScroll(page);
    await option.tap();
    await expect(box).toHaveValue(/^\{buyer\}, yes: it fits\. \S/);
    const publish = page.getByRole("button", { name: WORDS.en.publishAnswer });
    await expect(publish).toBeDisabled();
    await expect(page.getByTestId("answer-problem")).toContainText("Write in {buyer}");

    const answerText = (await box.inputValue()).replace("{buyer}", "Hello");
    await box.fill(answerText);
    await expect(publish).toBeEnabled();
    await publish.tap();
    await expect(page.getByTestId("answer-published")).toContainText(WORDS.en.published);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    const state = (await (await page.request.get(`${emulatorUrl}/__emulator/feedback?client_id=demo-client`)).json()) as {
      questions: { id: string; answers: { text: string; by_seller: boolean }[] }[];
    };
    expect(state.questions.find((q) => q.id === asked.id)!.answers).toEqual([expect.objectContaining({ text: answerText, by_seller: true })]);
  });
});
