import { expect, test, type Page } from "@playwright/test";
import { DEMO_ADMIN, emulatorUrl, expectAccessible, signIn } from "./support";

type ApiChat = { id: string; type: string; status: string };
type EmulatorWorld = { chats: { chat_id: string; chat_type: string; messages: { message_id: string; user: { type: string }; data: string[] }[] }[] };

const chatList = (page: Page) => page.getByRole("navigation", { name: /^(Chats|Чаты)$/ });

/** Signed in (wide), the account's id and an open support chat (Ozon lets the seller write there any time). */
async function openWritableChat(page: Page) {
  await signIn(page, DEMO_ADMIN);
  await expect(chatList(page).getByRole("link").first()).toBeVisible({ timeout: 30_000 });
  const href = (await chatList(page).getByRole("link").first().getAttribute("href")) ?? "";
  const accountId = new URL(href, "http://x").searchParams.get("account") ?? "";
  const response = await page.request.get(`/api/accounts/${accountId}/chats?kind=support&limit=100`);
  const chats = ((await response.json()) as { chats: ApiChat[] }).chats;
  const chat = chats.find((c) => c.type.toUpperCase() === "SELLER_SUPPORT" && c.status === "OPENED")!;
  expect(chat).toBeDefined();
  return { accountId, chat };
}

test("saved replies by / (keyboard and tap), a missing variable blocks Send, the policy check asks before sending", async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const { accountId, chat } = await openWritableChat(page);
  for (const reply of [
    { title: `Greeting ${stamp}`, shortcut: `gr${stamp}`, text: "Hello! We are on it. {agent}", scope: "team" },
    { title: `Order ${stamp}`, shortcut: `or${stamp}`, text: "Your order {order_number} is on its way.", scope: "team" },
    // Longer than a chat message takes: a reply for answers to questions and reviews (up to 3000).
    { title: `Long ${stamp}`, shortcut: `lg${stamp}`, text: `Подробно: ${"а".repeat(1200)}`, scope: "team" },
  ]) {
    expect((await page.request.post("/api/replies", { data: reply })).status()).toBe(201);
  }
  await page.goto(`/inbox/${chat.id}?account=${accountId}`);
  // The thread is in (and the page hydrated) before typing.
  await expect(page.getByRole("region", { name: "Messages" })).toBeVisible();
  await expect(page.getByText("Loading messages…")).toHaveCount(0, { timeout: 60_000 });
  const box = page.getByRole("combobox", { name: "Message" });
  await box.click();

  // Keyboard: "/" and letters, Enter inserts with the agent's name filled.
  await box.pressSequentially(`/gr${stamp}`);
  const picker = page.getByTestId("reply-picker");
  await expect(picker.getByRole("option", { name: new RegExp(`Greeting ${stamp}`) })).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page);
  await box.press("Enter");
  await expect(box).toHaveValue(/^Hello! We are on it\. \S/);
  await expect(box).not.toHaveValue(/\{agent\}/);
  // A second one by tap: the support chat has no order, so {order_number} stays marked and Send is off.
  await box.pressSequentially(` /or${stamp}`);
  const option = picker.getByRole("option", { name: new RegExp(`Order ${stamp}`) });
  await expect(option.locator("mark")).toContainText("{order_number}");
  await option.click();
  await expect(box).toHaveValue(/We are on it\..* Your order \{order_number\} is on its way\.$/);
  const send = page.getByRole("button", { name: "Send", exact: true });
  await expect(send).toBeDisabled();
  await expect(page.getByText("Write in {order_number}: the chat has no value for it.")).toBeVisible();

  // The long one is listed as unusable in a chat, with the reason; neither Enter nor a tap inserts it.
  await box.fill("");
  await box.pressSequentially(`/lg${stamp}`);
  const long = picker.getByRole("option", { name: new RegExp(`Long ${stamp}`) });
  await expect(long).toHaveAttribute("aria-disabled", "true");
  await expect(long).toContainText("Can't be used in a chat: 1210 characters after filling, a chat message takes at most 1000.");
  await expectAccessible(page);
  await box.press("Enter");
  await long.click({ force: true }); // a tap reaches it even so (Playwright holds back from an aria-disabled option)
  await expect(box).toHaveValue(`/lg${stamp}`);

  // The policy check: a phone number is held until confirmed.
  const text = `Call us at +7 912 345-67-89 · ${stamp}`;
  await box.fill(text);
  await send.click();
  const confirmation = page.getByTestId("policy-confirmation");
  await expect(confirmation).toContainText("a phone number");
  await expect(confirmation).toContainText("+7 912 345-67-89");
  await expect(page.getByTestId("outgoing-message")).toHaveCount(0);
  await expectAccessible(page);
  await confirmation.getByRole("button", { name: "Send anyway" }).click();
  await expect(page.getByRole("region", { name: "Messages" }).getByText(text)).toBeVisible();
  // The outbox delivers it to Ozon once.
  await expect
    .poll(async () => {
      const world = (await (await page.request.get(`${emulatorUrl}/__emulator/state?client_id=demo-client`)).json()) as EmulatorWorld;
      return world.chats.flatMap((c) => c.messages).filter((m) => m.data.join("\n") === text).length;
    }, { timeout: 30_000 })
    .toBe(1);
});

test("the palette (Ctrl+K) finds a word by its stem in Russian on a phone and opens the chat at the message", async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  await openWritableChat(page);
  const world = (await (await page.request.get(`${emulatorUrl}/__emulator/state?client_id=demo-client`)).json()) as EmulatorWorld;
  // A buyer's Russian word of 7+ letters from the seeded chats, searched in another form (its stem plus "ами").
  const word = world.chats
    .flatMap((c) => c.messages)
    .filter((m) => m.user.type.toLowerCase() === "customer")
    .flatMap((m) => m.data.join(" ").match(/[а-яё]{7,}/giu) ?? [])
    .find((w) => /(ок|ка|ку|ки|ом|ой)$/iu.test(w))!;
  expect(word).toBeDefined();
  const query = `${word.slice(0, -2)}ами`;

  await context.addCookies([{ name: "seller-inbox-locale", value: "ru", url: baseURL! }]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/inbox");
  const dialog = page.getByRole("dialog", { name: "Поиск по чатам" });
  // The shortcut listens once the page is hydrated, which "load" does not promise on a busy machine: press until open.
  await expect(async () => {
    await page.keyboard.press("Control+k");
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const input = dialog.getByRole("combobox", { name: "Поиск по сообщениям, номеру заказа или отправления, SKU" });
  await input.fill(query);
  const first = dialog.getByRole("listbox", { name: "Результаты" }).getByRole("option").first();
  await expect(first.locator("mark").first()).toBeVisible({ timeout: 45_000 });
  await expectAccessible(page);
  await input.press("Enter");
  await page.waitForURL(/message=\d+/);
  const found = page.locator('[data-found="true"]');
  await expect(found).toBeVisible({ timeout: 30_000 });
  await expect(found).toContainText(new RegExp(word.slice(0, -2), "i"));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
