import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_ADMIN, emulatorUrl, expectAccessible, signIn } from "./support";

// These tests move the emulator's clock by days and wait for the app's background sync: give them room.
test.describe.configure({ timeout: 120_000 });

type ReplyState = { canReply: boolean; until: string | null; reason: string | null };
type ApiChat = { id: string; ozonChatId: string; replyState: ReplyState };
type EmulatorPosting = {
  posting_number: string;
  order_number: string;
  delivery_schema: "FBO" | "FBS" | "rFBS";
  status: string;
  available_actions: string[];
  chat_id: string | null;
  products: { name: string }[];
};
type EmulatorChat = { chat_id: string; posting_number: string | null; messages: { context?: { order_number: string } }[] };
type World = { postings: EmulatorPosting[]; chats: EmulatorChat[] };

async function world(request: APIRequestContext): Promise<World> {
  const response = await request.get(`${emulatorUrl}/__emulator/state?client_id=demo-client`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as World;
}

async function control(request: APIRequestContext, path: string, body: unknown) {
  const response = await request.post(`${emulatorUrl}/__emulator/${path}`, { data: body });
  expect(response.ok(), await response.text()).toBe(true);
  return response.json() as Promise<Record<string, unknown>>;
}

const composer = (page: Page) => page.getByLabel(/^(Message|Сообщение)$/);
const sendButton = (page: Page) => page.getByRole("button", { name: /^(Send|Отправить)$/ });

async function accountIdOf(page: Page): Promise<string> {
  const response = await page.request.get("/api/accounts");
  const { accounts } = (await response.json()) as { accounts: { id: string; clientId: string }[] };
  return accounts.find((account) => account.clientId === "demo-client")!.id;
}

/** The app's chat for an Ozon chat, once the sync has brought it. */
async function appChat(page: Page, accountId: string, ozonChatId: string): Promise<ApiChat> {
  let found: ApiChat | undefined;
  await expect
    .poll(
      async () => {
        const response = await page.request.get(`/api/accounts/${accountId}/chats?kind=buyer&limit=100`);
        found = ((await response.json()) as { chats: ApiChat[] }).chats.find((chat) => chat.ozonChatId === ozonChatId);
        return found !== undefined;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return found!;
}

/** Moves Ozon's clock and waits until the app's server has seen it (its "sync now" reads Ozon's clock). */
async function advanceOzonClock(page: Page, request: APIRequestContext, accountId: string, chatId: string, hours: number, reason: string) {
  await control(request, "clock/advance", { hours });
  expect((await page.request.post(`/api/accounts/${accountId}/sync`)).ok()).toBe(true);
  await expect
    .poll(
      async () => {
        const response = await page.request.get(`/api/accounts/${accountId}/chats/${chatId}/order`);
        return ((await response.json()) as { chat: ApiChat }).chat.replyState.reason;
      },
      { timeout: 60_000 },
    )
    .toBe(reason);
}

async function expectClosed(page: Page, words: string | RegExp) {
  await expect(composer(page)).toBeDisabled();
  await expect(sendButton(page)).toBeDisabled();
  await expect(page.getByRole("status").filter({ hasText: words })).toBeVisible();
  await expect(page.getByRole("button", { name: /^(Retry|Повторить)$/ })).toHaveCount(0);
}

test("FBO: the deadline shows while open; 48 h after the buyer's message the composer is closed, after a reload, in a second tab and in Russian; the buyer writing reopens it live", async ({ page, request, context }, testInfo) => {
  await signIn(page, DEMO_ADMIN);
  const accountId = await accountIdOf(page);
  const posting = (await world(request)).postings.find((p) => p.delivery_schema === "FBO" && p.chat_id === null && p.status !== "cancelled");
  expect(posting, "the demo shop has an FBO posting without a chat").toBeDefined();
  const { chat_id: ozonChatId } = (await control(request, "buyer-message", { posting_number: posting!.posting_number, text: "Где мой заказ?" })) as { chat_id: string };
  const chat = await appChat(page, accountId, ozonChatId);

  await page.goto(`/inbox/${chat.id}?account=${accountId}`);
  const panel = page.getByTestId("order-panel");
  await expect(panel).toContainText(posting!.posting_number);
  await expect(panel).toContainText(posting!.products[0]!.name);
  await expect(panel).toContainText("FBO");
  await expect(page.getByTestId("reply-deadline")).toContainText("You can answer until");
  await expect(composer(page)).toBeEnabled();
  // The list shows by when the answer is owed.
  await expect(page.locator(`a[data-chat-id="${chat.id}"]`).getByTestId("answer-by")).toContainText("Answer by");
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("reply-open-en.png") });

  await advanceOzonClock(page, request, accountId, chat.id, 49, "fbo_window_passed");
  await page.reload();
  await expectClosed(page, "More than 48 hours have passed since the buyer's last message");
  await expect(page.getByTestId("reply-deadline")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("reply-closed-en.png") });

  const second = await context.newPage();
  await second.goto(`/inbox/${chat.id}?account=${accountId}`);
  await expectClosed(second, "More than 48 hours have passed since the buyer's last message");

  await context.addCookies([{ name: "seller-inbox-locale", value: "ru", url: page.url() }]);
  await page.reload();
  await expectClosed(page, "С последнего сообщения покупателя прошло больше 48 часов");
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("reply-closed-ru.png") });

  // The buyer writes again: every open tab reopens without a reload.
  await control(request, "buyer-message", { chat_id: ozonChatId, text: "Вы здесь?" });
  await expect(composer(page)).toBeEnabled({ timeout: 30_000 });
  await expect(page.getByTestId("reply-deadline")).toContainText("Ответить можно до");
  await expect(composer(second)).toBeEnabled({ timeout: 30_000 });
  await second.close();
  await context.clearCookies({ name: "seller-inbox-locale" });
});

test("FBS started from the order page: open until delivery; 72 h after delivery (the buyer silent) closed in both languages; the buyer writing reopens it", async ({ page, request, context }) => {
  await signIn(page, DEMO_ADMIN);
  const accountId = await accountIdOf(page);
  const posting = (await world(request)).postings.find(
    (p) => p.delivery_schema === "FBS" && p.chat_id === null && p.available_actions.includes("can_create_chat") && p.status !== "delivered",
  );
  expect(posting, "the demo shop has an FBS posting Ozon would start a chat for").toBeDefined();

  await page.goto(`/orders/${posting!.posting_number}?account=${accountId}`);
  await page.getByRole("button", { name: "Message buyer" }).click();
  await expect(page).toHaveURL(/\/inbox\/[^/?]+\?account=/);
  const chatId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByTestId("order-panel")).toContainText(posting!.products[0]!.name);
  await expect(composer(page)).toBeEnabled();

  await control(request, "postings/deliver", { posting_number: posting!.posting_number });
  await advanceOzonClock(page, request, accountId, chatId, 73, "fbs_window_passed");
  await page.reload();
  await expectClosed(page, "More than 72 hours have passed since delivery");
  const second = await context.newPage();
  await second.goto(`/inbox/${chatId}?account=${accountId}`);
  await expectClosed(second, "More than 72 hours have passed since delivery");
  await context.addCookies([{ name: "seller-inbox-locale", value: "ru", url: page.url() }]);
  await page.reload();
  await expectClosed(page, "С доставки прошло больше 72 часов");

  const ozonChatId = (await world(request)).postings.find((p) => p.posting_number === posting!.posting_number)!.chat_id;
  await control(request, "buyer-message", { chat_id: ozonChatId, text: "Товар не тот" });
  await expect(composer(page)).toBeEnabled({ timeout: 30_000 });
  await expect(composer(second)).toBeEnabled({ timeout: 30_000 });
  await second.close();
  await context.clearCookies({ name: "seller-inbox-locale" });
});

test("an order page opens the chat that exists for it in every scheme, and the thread's order panel shows its products", async ({ page, request }) => {
  await signIn(page, DEMO_ADMIN);
  const accountId = await accountIdOf(page);
  const state = await world(request);
  for (const scheme of ["FBO", "FBS", "rFBS"] as const) {
    // An imported chat: its messages carry the order number, never the posting number.
    const chat = state.chats.find((c) => {
      const posting = state.postings.find((p) => p.posting_number === c.posting_number);
      return posting?.delivery_schema === scheme && c.messages.some((m) => m.context?.order_number);
    });
    expect(chat, `the demo shop has an imported ${scheme} chat`).toBeDefined();
    const posting = state.postings.find((p) => p.posting_number === chat!.posting_number)!;
    const appSide = await appChat(page, accountId, chat!.chat_id);

    await page.goto(`/orders/${posting.posting_number}?account=${accountId}`);
    const button = page.getByRole("button", { name: "Message buyer" });
    await expect(button).toHaveAccessibleDescription("The inbox already has a chat with this buyer.");
    await button.click();
    await expect(page).toHaveURL(new RegExp(`/inbox/${appSide.id}\\?account=`));
    const panel = page.getByTestId("order-panel");
    await expect(panel).toContainText(posting.posting_number);
    await expect(panel).toContainText(posting.products[0]!.name);
    await expect(panel.getByRole("link", { name: "Open the order page" }).first()).toBeVisible();
  }
});
