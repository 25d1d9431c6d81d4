import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_ADMIN, DEMO_AGENT, emulatorUrl, expectAccessible, signIn } from "./support";

type ApiReply = { id: string; title: string; scope: string; mayEdit: boolean };
type EmulatorWorld = { chats: { messages: { user: { type: string }; data: string[] }[] }[] };

const replyCard = (page: Page, title: string) =>
  page.getByRole("list", { name: /^(Saved replies|Шаблоны ответов)$/ }).getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: title, exact: true }) });

async function apiReplies(page: Page): Promise<ApiReply[]> {
  return ((await (await page.request.get("/api/replies")).json()) as { replies: ApiReply[] }).replies;
}

/** Nothing wider than the screen: no sideways scroll. */
async function expectNoSidewaysScroll(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

async function fillReplyForm(form: Locator, reply: { title: string; shortcut: string; text: string }) {
  await form.getByLabel(/^(Title|Название)$/).fill(reply.title);
  await form.getByLabel(/^(Shortcut|Сокращение)$/).fill(reply.shortcut);
  await form.getByLabel(/^(Text|Текст)$/).fill(reply.text);
}

test("an administrator adds, changes and deletes a saved reply on Settings → Saved replies", async ({ page }, testInfo) => {
  const stamp = Date.now().toString(36);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, DEMO_ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Saved replies" }).click();
  await expect(page).toHaveURL(/\/settings\/replies$/);
  await expect(page.getByText("You manage the team's replies")).toBeVisible();

  // A new reply, by keyboard where it matters: the title field has focus, a variable goes in at the caret.
  await page.getByRole("button", { name: "New reply" }).click();
  const form = page.getByRole("form", { name: "New saved reply" });
  await expect(form.getByLabel("Title")).toBeFocused();
  await expect(form.getByRole("radio", { name: "The team (shared)" })).toBeChecked();
  await form.getByRole("button", { name: "Add reply" }).click();
  await expect(form.getByText("Title: this field is required.")).toBeVisible();
  await expect(form.getByLabel("Title")).toBeFocused();
  await fillReplyForm(form, { title: `Delivery ${stamp}`, shortcut: "two words", text: "Hello, {buyer}! Your order " });
  await form.getByLabel("Text").press("End");
  await form.getByRole("button", { name: "Insert {order_number}: the order number" }).click();
  await expect(form.getByLabel("Text")).toHaveValue("Hello, {buyer}! Your order {order_number}");
  await expect(form.getByLabel("Text")).toBeFocused();
  await page.keyboard.type(" arrives on {delivery_date}.");
  // The live preview: example values in, the buyer's name (never known) marked.
  const preview = form.getByTestId("reply-preview");
  await expect(preview).toContainText("Your order 12345678-0001 arrives on");
  await expect(preview.locator("mark")).toHaveText(/^\{buyer\}/);
  await expect(form.getByText(/^\d+ \/ 1000 characters once filled$/)).toBeVisible();
  await form.getByRole("button", { name: "Add reply" }).click();
  await expect(form.getByText("Shortcut: 1–32 letters, digits, - or _, without spaces.")).toBeVisible();
  await form.getByLabel("Shortcut").fill(`DL-${stamp}`);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("replies-form-en.png"), fullPage: true });
  await form.getByRole("button", { name: "Add reply" }).click();

  const card = replyCard(page, `Delivery ${stamp}`);
  await expect(page.getByRole("status").filter({ hasText: `“Delivery ${stamp}” is added.` })).toBeVisible();
  await expect(page.getByRole("button", { name: "New reply" })).toBeFocused();
  await expect(card.getByText(`/dl-${stamp}`)).toBeVisible();
  await expect(card.getByText("Shared · every account")).toBeVisible();
  await expect(card.getByText("Not yet")).toBeVisible();
  const created = (await apiReplies(page)).find((reply) => reply.title === `Delivery ${stamp}`);
  expect(created).toMatchObject({ scope: "team", mayEdit: true });

  // Changed in place: only mine, for the demo account.
  await card.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("form", { name: `Edit “Delivery ${stamp}”` });
  await edit.getByLabel("Title").fill(`Delivery times ${stamp}`);
  await edit.getByRole("radio", { name: "Only me" }).check();
  await edit.getByLabel("Seller account").selectOption({ index: 1 });
  const accountName = (await edit.getByLabel("Seller account").locator("option:checked").textContent())!;
  await edit.getByRole("button", { name: "Save reply" }).click();
  const changed = replyCard(page, `Delivery times ${stamp}`);
  await expect(changed.getByRole("status")).toHaveText("Saved.");
  await expect(changed.getByText(`Mine · ${accountName}`)).toBeVisible();
  await expect(changed.getByRole("button", { name: "Edit" })).toBeFocused();
  await page.reload();
  await expect(replyCard(page, `Delivery times ${stamp}`).getByText(`Mine · ${accountName}`)).toBeVisible();
  await expect(replyCard(page, `Delivery ${stamp}`)).toHaveCount(0);
  await expectAccessible(page);

  // Deleted after a confirmation; Cancel first keeps it.
  await replyCard(page, `Delivery times ${stamp}`).getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete “Delivery times ${stamp}”?` });
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(replyCard(page, `Delivery times ${stamp}`)).toHaveCount(1);
  await replyCard(page, `Delivery times ${stamp}`).getByRole("button", { name: "Delete" }).click();
  await dialog.getByRole("button", { name: "Delete reply" }).click();
  await expect(replyCard(page, `Delivery times ${stamp}`)).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `“Delivery times ${stamp}” is deleted.` })).toBeFocused();
  expect((await apiReplies(page)).map((reply) => reply.title)).not.toContain(`Delivery times ${stamp}`);
});

test("an agent sees the team's replies read only and adds their own (Russian, 390 px)", async ({ page, context, baseURL }, testInfo) => {
  const stamp = Date.now().toString(36);
  await signIn(page, DEMO_ADMIN);
  const team = `Общий ${stamp}`;
  expect((await page.request.post("/api/replies", { data: { title: team, shortcut: `ob${stamp}`, text: "Здравствуйте! Заказ {order_number} в пути.", scope: "team" } })).status()).toBe(201);
  await context.clearCookies();

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO_AGENT);
  await context.addCookies([{ name: "seller-inbox-locale", value: "ru", url: baseURL! }]);
  await page.goto("/inbox");
  await page.getByRole("button", { name: "Меню" }).click();
  await page.getByRole("navigation", { name: "Основное" }).getByRole("link", { name: "Настройки" }).click();
  await expect(page).toHaveURL(/\/settings\/replies$/);
  const sections = page.getByRole("navigation", { name: "Разделы настроек" });
  await expect(sections.getByRole("link")).toHaveText(["Шаблоны ответов"]);
  await expect(page.getByText(/^Общими шаблонами управляют администраторы: вы пользуетесь ими/)).toBeVisible();

  // The team's reply: shown, not changeable.
  const shared = replyCard(page, team);
  await expect(shared.getByText("Общий · все аккаунты")).toBeVisible();
  await expect(shared.getByText("Только чтение: общими шаблонами управляют администраторы.")).toBeVisible();
  await expect(shared.getByRole("button")).toHaveCount(0);

  // Their own: no choice of scope, the account is theirs to choose.
  await page.getByRole("button", { name: "Новый шаблон" }).click();
  const form = page.getByRole("form", { name: "Новый шаблон ответа" });
  await expect(form.getByRole("radio")).toHaveCount(0);
  await expect(form.getByText("Ваш собственный шаблон: видите и используете его только вы.")).toBeVisible();
  await fillReplyForm(form, { title: `Мой ${stamp}`, shortcut: `moy${stamp}`, text: "Спасибо за заказ! {agent}" });
  await expect(form.getByTestId("reply-preview")).toHaveText("Спасибо за заказ! Demo Agent");
  await expect(form.getByText(/^\d+ \/ 1000 символов после подстановки$/)).toBeVisible();
  await expectNoSidewaysScroll(page, 390);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("replies-form-agent-ru-phone.png"), fullPage: true });
  await form.getByRole("button", { name: "Добавить шаблон" }).click();
  const own = replyCard(page, `Мой ${stamp}`);
  await expect(own.getByText("Мой · все аккаунты")).toBeVisible();
  await expect(own.getByRole("button", { name: "Изменить" })).toBeVisible();
  await expect(own.getByRole("button", { name: "Удалить" })).toBeVisible();
  await expectNoSidewaysScroll(page, 390);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("replies-list-agent-ru-phone.png"), fullPage: true });

  // What the list shows is what the server decides.
  const replies = await apiReplies(page);
  expect(replies.find((reply) => reply.title === team)?.mayEdit).toBe(false);
  expect(replies.find((reply) => reply.title === `Мой ${stamp}`)?.mayEdit).toBe(true);
  await page.goto("/settings/accounts");
  await expect(page).toHaveURL(/\/inbox/);
});

test("export then import: the file brings deleted replies back and adds nothing twice", async ({ page }) => {
  const stamp = Date.now().toString(36);
  await signIn(page, DEMO_ADMIN);
  const titles = [`Quote "${stamp}"`, `Lines ${stamp}`];
  for (const [index, title] of titles.entries()) {
    const text = index === 0 ? 'He said "hi", then left' : "Line one,\nline two {order_number}";
    expect((await page.request.post("/api/replies", { data: { title, shortcut: `f${index}${stamp}`, text, scope: index === 0 ? "team" : "mine" } })).status()).toBe(201);
  }
  await page.goto("/settings/replies");
  const file = page.getByRole("region", { name: "Import and export" });

  const [jsonDownload] = await Promise.all([page.waitForEvent("download"), file.getByRole("link", { name: "Export JSON" }).click()]);
  const jsonPath = await jsonDownload.path();
  const exported = JSON.parse(await readFile(jsonPath, "utf8")) as { replies: { title: string }[] };
  expect(exported.replies.map((reply) => reply.title)).toEqual(expect.arrayContaining(titles));
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), file.getByRole("link", { name: "Export CSV" }).click()]);
  expect(csvDownload.suggestedFilename()).toBe("saved-replies.csv");
  const csvPath = await csvDownload.path();

  for (const title of titles) {
    await replyCard(page, title).getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete reply" }).click();
    await expect(replyCard(page, title)).toHaveCount(0);
  }

  // Nothing chosen, then a wrong file: said, nothing imported.
  await file.getByRole("button", { name: "Import", exact: true }).click();
  await expect(file.getByRole("alert")).toHaveText("Choose a JSON or CSV file first.");
  await file.getByLabel("File to import (JSON or CSV)").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from('[{"title":"","shortcut":"x","text":"y"}]') });
  await file.getByRole("button", { name: "Import", exact: true }).click();
  await expect(file.getByRole("alert")).toContainText("Reply 1: title");

  await file.getByLabel("File to import (JSON or CSV)").setInputFiles({ name: "saved-replies.json", mimeType: "application/json", buffer: await readFile(jsonPath) });
  await file.getByRole("button", { name: "Import", exact: true }).click();
  await expect(file.getByRole("status")).toHaveText(/^2 replies imported(; (1 was|\d+ were) already there)?\.$/);
  for (const title of titles) await expect(replyCard(page, title)).toHaveCount(1);
  await expect(replyCard(page, `Lines ${stamp}`).getByText("Line one,")).toBeVisible();
  const back = await apiReplies(page);
  expect(back.filter((reply) => titles.includes(reply.title)).map((reply) => reply.scope).sort()).toEqual(["mine", "team"]);

  // The CSV of the same replies adds nothing now.
  await file.getByLabel("File to import (JSON or CSV)").setInputFiles({ name: csvDownload.suggestedFilename(), mimeType: "text/csv", buffer: await readFile(csvPath) });
  await file.getByRole("button", { name: "Import", exact: true }).click();
  await expect(file.getByRole("status")).toHaveText(/^0 replies imported; \d+ were already there\.$/);
  expect((await apiReplies(page)).length).toBe(back.length);
  await expectAccessible(page);
});

test("search filters by owner: mine, unassigned, another agent's", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, DEMO_ADMIN);
  const chatList = page.getByRole("navigation", { name: "Chats" });
  await expect(chatList.getByRole("link").first()).toBeVisible({ timeout: 30_000 });
  const accountId = new URL((await chatList.getByRole("link").first().getAttribute("href")) ?? "", "http://x").searchParams.get("account")!;

  // A buyer's word found in exactly one chat.
  const world = (await (await page.request.get(`${emulatorUrl}/__emulator/state?client_id=demo-client`)).json()) as EmulatorWorld;
  const words = [...new Set(world.chats.flatMap((c) => c.messages).filter((m) => m.user.type.toLowerCase() === "customer").flatMap((m) => m.data.join(" ").match(/[а-яё]{7,}/giu) ?? []))];
  let word = "";
  let chatId = "";
  for (const candidate of words.slice(0, 30)) {
    const found = (await (await page.request.get(`/api/search?q=${encodeURIComponent(candidate)}&accountId=${accountId}`)).json()) as { results: { chat: { id: string } }[] };
    if (found.results.length === 1) {
      word = candidate;
      chatId = found.results[0]!.chat.id;
      break;
    }
  }
  expect(word).not.toBe("");
  const agents = ((await (await page.request.get(`/api/accounts/${accountId}/agents`)).json()) as { agents: { id: string; name: string }[] }).agents;
  const admin = agents.find((agent) => agent.name === "Demo Admin")!;
  const assign = (assigneeId: string | null) =>
    page.request.put(`/api/accounts/${accountId}/chats/${chatId}/assignee`, { data: { assigneeId } });
  const before = (await (await page.request.get(`/api/accounts/${accountId}/chats/${chatId}/order`)).json()) as { chat?: { assigneeId: string | null } };
  expect((await assign(admin.id)).ok()).toBe(true);
  try {
    const dialog = page.getByRole("dialog", { name: "Search chats" });
    await expect(async () => {
      await page.keyboard.press("Control+k");
      await expect(dialog).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await dialog.getByRole("combobox", { name: "Search messages, order or posting number, SKU" }).fill(word);
    const options = dialog.getByRole("listbox", { name: "Results" }).getByRole("option");
    const owner = dialog.getByRole("combobox", { name: "Owner" });
    const nothing = dialog.getByRole("status").filter({ hasText: "Nothing found." });

    await expect(options).toHaveCount(1, { timeout: 30_000 });
    await owner.selectOption({ label: "Mine" });
    await expect(options).toHaveCount(1);
    await expect(nothing).toBeHidden();
    await owner.selectOption({ label: "Unassigned" });
    await expect(nothing).toBeVisible();
    await expect(options).toHaveCount(0);
    await expect(owner.locator("option", { hasText: "Demo Agent" })).toHaveCount(1);
    await owner.selectOption({ label: "Demo Agent" });
    await expect(nothing).toBeVisible();
    await expectAccessible(page);
    await owner.selectOption({ label: "Mine" });
    await expect(options).toHaveCount(1);
    await options.first().click();
    await page.waitForURL(new RegExp(`/inbox/${chatId}`));
  } finally {
    await assign(before.chat?.assigneeId ?? null);
  }
});
