import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import { DEMO_ADMIN, DEMO_AGENT, emulatorUrl, expectAccessible } from "./support";

/**
 * The whole of an agent's first hour, on a phone (390×844, by touch) and on a desk (1440×900, by keyboard), in
 * English and in Russian: sign in, open an unread chat, read it, reply, back to the list, open an order, message its
 * buyer. On every screen: no horizontal scrolling, no cut order number, nothing serious for axe, and a screenshot.
 */

type Words = {
  email: string;
  password: string;
  signIn: string;
  chats: string;
  message: string;
  send: string;
  back: string;
  menu: string;
  orders: string;
  postingSearch: string;
  messageBuyer: string;
  newMessages: string;
  settings: string;
  filters: string;
};

const WORDS: Record<"en" | "ru", Words> = {
  en: {
    email: "Email",
    password: "Password",
    signIn: "Sign in",
    chats: "Chats",
    message: "Message",
    send: "Send",
    back: "All chats",
    menu: "Menu",
    orders: "Orders",
    postingSearch: "Posting number",
    messageBuyer: "Message buyer",
    newMessages: "New messages",
    settings: "Settings",
    filters: "Show",
  },
  ru: {
    email: "Эл. почта",
    password: "Пароль",
    signIn: "Войти",
    chats: "Чаты",
    message: "Сообщение",
    send: "Отправить",
    back: "Все чаты",
    menu: "Меню",
    orders: "Заказы",
    postingSearch: "Номер отправления",
    messageBuyer: "Написать покупателю",
    newMessages: "Новые сообщения",
    settings: "Настройки",
    filters: "Показать",
  },
};

// A whole path with axe on every screen: minutes on a busy 2-core machine, not the default 30 s.
test.describe.configure({ timeout: 480_000 });

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1440, height: 900 };
const TOUCH_MIN_PX = 44;

async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, "the page scrolls sideways").toBeLessThanOrEqual(clientWidth);
}

/** Every shown order number is whole: its element is as wide as its text. */
async function expectOrderNumbersUncut(page: Page) {
  const cut = await page.getByTestId("chat-order-number").evaluateAll((elements) =>
    elements.filter((element) => element.getClientRects().length > 0 && element.scrollWidth > element.clientWidth + 1).map((element) => element.textContent),
  );
  expect(cut, "order numbers cut in the list").toEqual([]);
}

async function expectTouchSized(control: Locator) {
  const box = await control.boundingBox();
  expect(box, "the control is on screen").not.toBeNull();
  expect(box!.height, `${await control.textContent()} is touch-sized`).toBeGreaterThanOrEqual(TOUCH_MIN_PX);
  expect(box!.width).toBeGreaterThanOrEqual(TOUCH_MIN_PX);
}

async function checkScreen(page: Page, testInfo: TestInfo, name: string) {
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

/** Presses Tab until the focused element matches the selector (and starts with the text), as a keyboard user would. */
async function tabTo(page: Page, selector: string, textStart = "", max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const found = await page.evaluate(
      ({ selector, textStart }) => {
        const element = document.activeElement;
        return !!element && element.matches(selector) && (element.textContent ?? "").trim().startsWith(textStart);
      },
      { selector, textStart },
    );
    if (found) return;
  }
  throw new Error(`Tab never reached ${selector} ${textStart}`);
}

async function chooseLanguage(page: Page, locale: "en" | "ru") {
  await page.context().addCookies([{ name: "seller-inbox-locale", value: locale, url: page.url().startsWith("http") ? page.url() : `http://127.0.0.1:${process.env.E2E_APP_PORT ?? 3100}` }]);
}

/** A posting that already has an open chat with its buyer, which Ozon lets the seller write to (not FBO). */
async function postingWithChat(page: Page): Promise<string> {
  const response = await page.request.get(`${emulatorUrl}/__emulator/state?client_id=demo-client`);
  const world = (await response.json()) as {
    chats: { chat_id: string; chat_status: string }[];
    postings: { posting_number: string; chat_id: string | null; delivery_schema: string; status: string }[];
  };
  const open = new Set(world.chats.filter((chat) => chat.chat_status === "OPENED").map((chat) => chat.chat_id));
  const posting = world.postings.find((p) => p.chat_id && open.has(p.chat_id) && p.delivery_schema !== "FBO" && p.status !== "cancelled");
  expect(posting, "the demo shop has a posting with an open chat").toBeDefined();
  return posting!.posting_number;
}

async function emulatorMessages(page: Page): Promise<string[]> {
  const response = await page.request.get(`${emulatorUrl}/__emulator/state?client_id=demo-client`);
  const world = (await response.json()) as { chats: { messages: { data: string[] }[] }[] };
  return world.chats.flatMap((chat) => chat.messages.flatMap((message) => message.data));
}

for (const locale of ["en", "ru"] as const) {
  const w = WORDS[locale];

  test(`phone, by touch (${locale}): sign in, read an unread chat, reply, back, an order, message its buyer`, async ({ browser }, testInfo) => {
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, baseURL: testInfo.project.use.baseURL });
    const page = await context.newPage();
    await chooseLanguage(page, locale);

    await page.goto("/login");
    await expect(page).toHaveURL(/\/sign-in/);
    await checkScreen(page, testInfo, `sign-in-phone-${locale}`);
    await page.getByLabel(w.email).fill(DEMO_AGENT.email);
    await page.getByLabel(w.password).fill(DEMO_AGENT.password);
    const signInButton = page.getByRole("button", { name: w.signIn });
    await expectTouchSized(signInButton);
    await signInButton.tap();

    // The list is the whole screen; the header is one row.
    const list = page.getByRole("navigation", { name: w.chats });
    const unreadRow = list.getByRole("link").filter({ has: page.getByRole("img", { name: /\d/ }) }).filter({ has: page.getByTestId("chat-order-number") }).first();
    await expect(unreadRow).toBeVisible({ timeout: 30_000 });
    const header = await page.getByRole("banner").boundingBox();
    expect(header!.height).toBeLessThanOrEqual(60);
    await expectOrderNumbersUncut(page);
    const filters = page.getByRole("group", { name: w.filters }).getByRole("button");
    const tops = await filters.evaluateAll((buttons) => buttons.map((button) => Math.round(button.getBoundingClientRect().top)));
    expect(new Set(tops).size, "the filter row stays one row").toBe(1);
    for (const button of await filters.all()) await expectTouchSized(button);
    await expectTouchSized(unreadRow);
    await checkScreen(page, testInfo, `inbox-list-phone-${locale}`);

    // The menu: navigation, language, sign out, all reachable.
    const menu = page.getByRole("button", { name: w.menu });
    await expectTouchSized(menu);
    await menu.tap();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expectTouchSized(page.getByRole("link", { name: w.orders, exact: true }));
    await checkScreen(page, testInfo, `menu-phone-${locale}`);
    await menu.tap();

    // Open the unread chat: the thread takes the screen, the list goes, the divider shows where unread begins.
    await unreadRow.tap();
    await expect(page).toHaveURL(/\/inbox\/[^/?]+\?account=/);
    await expect(list).toBeHidden();
    await expect(page.getByRole("separator", { name: w.newMessages })).toBeVisible();
    const box = page.getByLabel(w.message, { exact: true });
    const boxSize = await box.boundingBox();
    expect(boxSize!.width, "the composer uses the width").toBeGreaterThan(PHONE.width - 40);
    await checkScreen(page, testInfo, `thread-phone-${locale}`);

    const reply = `${locale === "ru" ? "Спасибо, разбираемся" : "Thanks, we are on it"} ${Date.now()}`;
    await box.fill(reply);
    const send = page.getByRole("button", { name: w.send, exact: true });
    await expectTouchSized(send);
    await send.tap();
    await expect(page.getByRole("region").getByText(reply)).toBeVisible();
    await expect.poll(async () => (await emulatorMessages(page)).filter((text) => text.includes(reply)).length, { timeout: 20_000 }).toBe(1);

    // Back to the list.
    const back = page.getByRole("link", { name: w.back });
    await expectTouchSized(back);
    await back.tap();
    await expect(page).toHaveURL(/\/inbox\?account=/);
    await expect(list).toBeVisible();

    // Orders, an order with a chat, Message buyer: in its chat, and a message to its buyer.
    const orderNumber = await postingWithChat(page);
    await page.getByRole("button", { name: w.menu }).tap();
    await page.getByRole("link", { name: w.orders, exact: true }).tap();
    await expect(page).toHaveURL(/\/orders/);
    await page.getByLabel(w.postingSearch).fill(orderNumber);
    const posting = page.getByRole("link", { name: new RegExp(`^${orderNumber.replace(/[-]/g, "\\-")}`) }).first();
    await expect(posting).toBeVisible({ timeout: 15_000 });
    await checkScreen(page, testInfo, `orders-phone-${locale}`);
    await posting.tap();
    const messageBuyer = page.getByRole("button", { name: w.messageBuyer });
    await expect(messageBuyer).toBeEnabled({ timeout: 15_000 });
    await expectTouchSized(messageBuyer);
    await checkScreen(page, testInfo, `order-phone-${locale}`);
    await messageBuyer.tap();
    await expect(page).toHaveURL(/\/inbox\/[^/?]+\?account=/);
    const second = `${locale === "ru" ? "По заказу" : "About the order"} ${orderNumber} ${Date.now()}`;
    await page.getByLabel(w.message, { exact: true }).fill(second);
    await page.getByRole("button", { name: w.send, exact: true }).tap();
    await expect.poll(async () => (await emulatorMessages(page)).filter((text) => text.includes(second)).length, { timeout: 20_000 }).toBe(1);
    await context.close();
  });

  test(`desk, by keyboard (${locale}): sign in, read an unread chat, reply, back, an order, message its buyer`, async ({ browser }, testInfo) => {
    const context = await browser.newContext({ viewport: DESK, baseURL: testInfo.project.use.baseURL });
    const page = await context.newPage();
    await chooseLanguage(page, locale);

    await page.goto("/sign-in");
    await checkScreen(page, testInfo, `sign-in-desk-${locale}`);
    await page.getByLabel(w.email).focus();
    await page.keyboard.type(DEMO_AGENT.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(DEMO_AGENT.password);
    await page.keyboard.press("Enter");

    const list = page.getByRole("navigation", { name: w.chats });
    await expect(list.getByRole("link").first()).toBeVisible({ timeout: 30_000 });
    await expectOrderNumbersUncut(page);
    await checkScreen(page, testInfo, `inbox-list-desk-${locale}`);

    // Tab into the list, j down to an unread chat with an order, Enter: the reply box has the focus.
    await tabTo(page, "a[data-chat-link]");
    for (let i = 0; i < 100; i++) {
      const unread = await page.evaluate(() => {
        const element = document.activeElement;
        return !!element?.querySelector('[role="img"]') && !!element.querySelector('[data-testid="chat-order-number"]');
      });
      if (unread) break;
      await page.keyboard.press("j");
    }
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/inbox\/[^/?]+\?account=/);
    const box = page.getByLabel(w.message, { exact: true });
    await expect(box).toBeFocused();
    await expect(page.getByRole("separator", { name: w.newMessages })).toBeVisible();
    await expect(list).toBeVisible();
    await checkScreen(page, testInfo, `thread-desk-${locale}`);

    const reply = `${locale === "ru" ? "Ответ с клавиатуры" : "Reply by keyboard"} ${Date.now()}`;
    await page.keyboard.type(reply);
    await page.keyboard.press("Control+Enter");
    await expect(box).toHaveValue("");
    await expect.poll(async () => (await emulatorMessages(page)).filter((text) => text.includes(reply)).length, { timeout: 20_000 }).toBe(1);

    // Away from the box and back with r.
    await page.getByRole("region", { name: locale === "ru" ? "Сообщения" : "Messages" }).focus();
    await page.keyboard.press("r");
    await expect(box).toBeFocused();

    // The list is beside the thread; an order with a chat through the main navigation, by keyboard.
    const orderNumber = await postingWithChat(page);
    await tabTo(page, 'a[href="/orders"]');
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/orders/);
    await tabTo(page, "input");
    await page.keyboard.type(orderNumber);
    await tabTo(page, "a", orderNumber);
    await checkScreen(page, testInfo, `orders-desk-${locale}`);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/orders/${orderNumber}`));
    await expect(page.getByRole("button", { name: w.messageBuyer })).toBeEnabled({ timeout: 15_000 });
    await checkScreen(page, testInfo, `order-desk-${locale}`);
    await tabTo(page, "button", w.messageBuyer);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/inbox\/[^/?]+\?account=/);
    await page.keyboard.press("r");
    await expect(page.getByLabel(w.message, { exact: true })).toBeFocused();
    const second = `${locale === "ru" ? "По заказу" : "About the order"} ${orderNumber} ${Date.now()}`;
    await page.keyboard.type(second);
    await page.keyboard.press("Control+Enter");
    await expect.poll(async () => (await emulatorMessages(page)).filter((text) => text.includes(second)).length, { timeout: 20_000 }).toBe(1);
    await context.close();
  });
}

test("settings at both sizes, in both languages: no sideways scroll, nothing serious for axe", async ({ browser }, testInfo) => {
  for (const viewport of [PHONE, DESK]) {
    for (const locale of ["en", "ru"] as const) {
      const context = await browser.newContext({ viewport, hasTouch: viewport === PHONE, baseURL: testInfo.project.use.baseURL });
      const page = await context.newPage();
      await chooseLanguage(page, locale);
      await page.goto("/sign-in");
      await page.getByLabel(WORDS[locale].email).fill(DEMO_ADMIN.email);
      await page.getByLabel(WORDS[locale].password).fill(DEMO_ADMIN.password);
      await page.getByRole("button", { name: WORDS[locale].signIn }).click();
      await expect(page.getByRole("banner")).toBeVisible();
      for (const path of ["/settings/accounts", "/settings/agents", "/settings/replies"]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await checkScreen(page, testInfo, `${path.replace(/\//g, "-").slice(1)}-${viewport === PHONE ? "phone" : "desk"}-${locale}`);
      }
      await context.close();
    }
  }
});
