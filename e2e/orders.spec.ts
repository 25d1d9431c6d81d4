import { expect, test, type Page } from "@playwright/test";
import { postingStatusWords } from "../components/orders/posting-status";
import { DEMO_AGENT, emulatorUrl, expectAccessible, signIn } from "./support";

// Each test signs in, loads pages from Ozon's emulator and runs axe; a 2-core machine shared with other builds needs room.
test.describe.configure({ timeout: 60_000 });

type EmulatorPosting = {
  posting_number: string;
  delivery_schema: "FBO" | "FBS" | "rFBS";
  status: string;
  available_actions: string[];
  created_at: string;
  in_process_at: string | null;
  chat_id: string | null;
};

async function emulatorPostings(page: Page): Promise<EmulatorPosting[]> {
  const response = await page.request.get(`${emulatorUrl}/__emulator/state?client_id=demo-client`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { postings: EmulatorPosting[] }).postings;
}

/**
 * support.ts's signIn waits for a heading named "Seller Inbox", which the sign-in page's own "Sign in to Seller Inbox"
 * already matches: wait until the session has really taken us off the sign-in page.
 */
async function signInAsAgent(page: Page) {
  await signIn(page, DEMO_AGENT);
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

async function useRussian(page: Page) {
  await page.context().addCookies([{ name: "seller-inbox-locale", value: "ru", url: page.url() }]);
  await page.reload();
}

test("the orders list shows the account's postings, and the search narrows it", async ({ page }, testInfo) => {
  await signInAsAgent(page);
  const postings = await emulatorPostings(page);
  const monthAgo = Date.now() - 29 * 24 * 3_600_000;
  const recent = postings.filter((posting) => Date.parse(posting.created_at) > monthAgo);
  expect(recent.length).toBeGreaterThan(2);

  await page.goto("/orders");
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  const list = page.getByRole("region", { name: "Postings" });
  const rows = list.getByRole("listitem");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(recent.length);
  // Newest first: by payment, or creation for a posting not paid yet (as Ozon's lists go).
  const orderedAt = (posting: EmulatorPosting) => Date.parse(posting.in_process_at ?? posting.created_at);
  const newest = [...recent].sort((a, b) => orderedAt(b) - orderedAt(a))[0]!;
  await expect(rows.first()).toContainText(newest.posting_number);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("orders-en.png"), fullPage: true });

  // Typing searches on its own (debounced).
  const target = recent[0]!;
  await page.getByLabel("Posting number").fill(target.posting_number);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole("link")).toContainText(target.posting_number);
  await expect(rows.first().getByRole("link")).toContainText(target.delivery_schema);

  // Enter searches at once; a prefix matches every posting of the order.
  const orderPrefix = target.posting_number.split("-").slice(0, 2).join("-");
  await page.getByLabel("Posting number").fill(orderPrefix);
  await page.getByLabel("Posting number").press("Enter");
  await expect(rows).toHaveCount(postings.filter((posting) => posting.posting_number.startsWith(orderPrefix)).length);

  await page.getByLabel("Posting number").fill("9999999999");
  await expect(list).toContainText("No posting number starts with “9999999999”.");

  // A row opens its order page.
  await page.getByLabel("Posting number").fill(target.posting_number);
  await rows.first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/orders/${target.posting_number}\\?account=`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(target.posting_number);
  // Back in the list, the search is still there.
  await page.goBack();
  await expect(page.getByLabel("Posting number")).toHaveValue(target.posting_number);
  await expect(rows).toHaveCount(1);

  // A link by order number (chat messages carry those) lists that order's postings.
  await page.goto(`/orders/${orderPrefix}`);
  await expect(page).toHaveURL(new RegExp(`/orders\\?account=[^&]+&q=${orderPrefix}$`));
  await expect(page.getByLabel("Posting number")).toHaveValue(orderPrefix);
});

test("the orders list in Russian", async ({ page }, testInfo) => {
  await signInAsAgent(page);
  await page.goto("/orders");
  await useRussian(page);
  await expect(page.getByRole("heading", { level: 1, name: "Заказы" })).toBeVisible();
  await expect(page.getByLabel("Номер отправления")).toBeVisible();
  await expect(page.getByRole("region", { name: "Отправления" }).getByRole("listitem").first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("orders-ru.png"), fullPage: true });
});

test("an FBS posting without a chat: Message buyer starts one and lands in it", async ({ page }, testInfo) => {
  await signInAsAgent(page);
  const posting = (await emulatorPostings(page)).find(
    (candidate) => candidate.delivery_schema === "FBS" && candidate.chat_id === null && candidate.available_actions.includes("can_create_chat"),
  );
  expect(posting, "the demo shop has an FBS posting Ozon would start a chat for").toBeDefined();

  await page.goto(`/orders/${posting!.posting_number}`);
  await expect(page.getByRole("heading", { name: "Products" })).toBeVisible();
  await expect(page.getByText("FBS (seller's warehouse, Ozon delivers)")).toBeVisible();
  await expect(page.getByTestId("posting-status")).toHaveText(postingStatusWords(posting!.status, "en"));
  const button = page.getByRole("button", { name: "Message buyer" });
  await expect(button).toBeEnabled();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("posting-fbs-en.png"), fullPage: true });

  await useRussian(page);
  await expect(page.getByRole("heading", { name: "Товары" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Написать покупателю" })).toBeEnabled();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("posting-fbs-ru.png"), fullPage: true });

  await page.getByRole("button", { name: "Написать покупателю" }).click();
  await expect(page).toHaveURL(/\/inbox\/[^/?]+\?account=[^&]+$/);
  const chatUrl = page.url();

  const after = (await emulatorPostings(page)).find((candidate) => candidate.posting_number === posting!.posting_number);
  expect(after?.chat_id).toBeTruthy();
  const state = (await (await page.request.get(`${emulatorUrl}/__emulator/state?client_id=demo-client`)).json()) as {
    chats: { chat_id: string; posting_number: string | null }[];
  };
  expect(state.chats.find((chat) => chat.chat_id === after!.chat_id)?.posting_number).toBe(posting!.posting_number);

  // Now the posting has its chat: the button opens it.
  await page.goto(`/orders/${posting!.posting_number}`);
  const open = page.getByRole("button", { name: "Написать покупателю" });
  await expect(open).toHaveAccessibleDescription("Чат с этим покупателем уже есть в разделе сообщений.");
  await open.click();
  await expect(page).toHaveURL(chatUrl);
});

test("an FBO posting without a chat: the button is disabled and says why", async ({ page }, testInfo) => {
  await signInAsAgent(page);
  const posting = (await emulatorPostings(page)).find((candidate) => candidate.delivery_schema === "FBO" && candidate.chat_id === null);
  expect(posting, "the demo shop has an FBO posting without a chat").toBeDefined();

  await page.goto(`/orders/${posting!.posting_number}`);
  const button = page.getByRole("button", { name: "Message buyer" });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription("Only the buyer can start a chat for an FBO order.");
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("posting-fbo-en.png"), fullPage: true });

  await useRussian(page);
  const russian = page.getByRole("button", { name: "Написать покупателю" });
  await expect(russian).toBeDisabled();
  await expect(russian).toHaveAccessibleDescription("Чат по заказу FBO может начать только покупатель.");
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("posting-fbo-ru.png"), fullPage: true });
});

test("a posting the account does not have is reported as such", async ({ page }) => {
  await signInAsAgent(page);
  await page.goto("/orders/0000000001-0001-1");
  await expect(page.getByRole("heading", { name: "No such posting" })).toBeVisible();
  await expect(page.getByText(/There is no posting 0000000001-0001-1 for the seller account/)).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "All orders" }).last()).toBeVisible();
  await expectAccessible(page);
});
