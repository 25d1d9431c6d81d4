import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_ADMIN, emulatorUrl, expectAccessible, signIn } from "./support";

type ApiChat = { id: string; ozonChatId: string; type: string; status: string; unreadCount: number; isBuyerChat: boolean };
type EmulatorMessage = { message_id: string; user: { type: string }; created_at: string; is_read: boolean; data: string[] };
type EmulatorFullChat = { chat_id: string; chat_type: string; chat_status: string; posting_number: string | null; unread_count: number; messages: EmulatorMessage[] };
type EmulatorWorld = { now: string; chats: EmulatorFullChat[]; postings: { posting_number: string; delivery_schema: string }[] };

async function emulatorWorld(request: APIRequestContext): Promise<EmulatorWorld> {
  const response = await request.get(`${emulatorUrl}/__emulator/state?client_id=demo-client`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as EmulatorWorld;
}

async function emulatorChat(request: APIRequestContext, ozonChatId: string): Promise<EmulatorFullChat> {
  const chat = (await emulatorWorld(request)).chats.find((c) => c.chat_id === ozonChatId);
  expect(chat).toBeDefined();
  return chat!;
}

const chatList = (page: Page) => page.getByRole("navigation", { name: "Chats" });
// By its label: the message box is a combobox while "/" offers saved replies.
const composer = (page: Page) => page.getByLabel("Message", { exact: true });

/** The inbox, its account id (from the links) and every chat of the account as our API lists it. */
async function openInbox(page: Page): Promise<{ accountId: string; chats: ApiChat[] }> {
  await signIn(page, DEMO_ADMIN);
  await expect(chatList(page).getByRole("link").first()).toBeVisible({ timeout: 30_000 });
  const href = (await chatList(page).getByRole("link").first().getAttribute("href")) ?? "";
  const accountId = new URL(href, "http://x").searchParams.get("account") ?? "";
  expect(accountId).not.toBe("");
  const chats: ApiChat[] = [];
  for (const kind of ["buyer", "support"]) {
    const response = await page.request.get(`/api/accounts/${accountId}/chats?kind=${kind}&limit=100`);
    expect(response.ok()).toBe(true);
    chats.push(...((await response.json()) as { chats: ApiChat[] }).chats);
  }
  return { accountId, chats };
}

/** An open support chat: Ozon lets the seller write there at any time. */
function writableChat(chats: ApiChat[], skip = 0): ApiChat {
  const chat = chats.filter((c) => c.type.toUpperCase() === "SELLER_SUPPORT" && c.status === "OPENED")[skip];
  expect(chat).toBeDefined();
  return chat!;
}

async function waitForImport(page: Page, request: APIRequestContext) {
  const unread = (await emulatorWorld(request)).chats.reduce((sum, chat) => sum + chat.unread_count, 0);
  await expect(page.getByTestId("total-unread")).toHaveText(String(unread), { timeout: 30_000 });
  return unread;
}

test("the first paint holds the chosen list and an open chat's messages: the server renders them, no script needed", async ({ page, browser }, testInfo) => {
  const { chats } = await openInbox(page);
  const all = page.getByTestId("queue-views").locator('[data-view="all"]');
  await all.click();
  await expect(all).toHaveAttribute("aria-pressed", "true");
  // The same session without JavaScript: only what the server rendered shows.
  const bare = await browser.newContext({ baseURL: testInfo.project.use.baseURL, storageState: await page.context().storageState(), javaScriptEnabled: false });
  try {
    const first = await bare.newPage();
    await first.goto("/inbox");
    await expect(first.getByTestId("queue-views").locator('[data-view="all"]')).toHaveAttribute("aria-pressed", "true");
    // The views' counts too: the tabs have their final size before any script runs.
    await expect(first.getByTestId("queue-views").locator('[data-view="needs_reply"]')).toHaveText(/\d/);
    const ids = await chatList(first).locator("a[data-chat-link]").evaluateAll((links) => links.map((link) => link.getAttribute("data-chat-id")));
    expect(ids.length).toBeGreaterThan(0);
    const known = new Set(chats.map((chat) => chat.id));
    expect(ids.filter((id) => !known.has(id!))).toEqual([]);
    // A chat's page holds its newest messages from the cache, as the messages route reads them.
    const href = (await chatList(first).locator("a[data-chat-link]").first().getAttribute("href"))!;
    const chatId = href.split("/inbox/")[1]!.split("?")[0]!;
    const accountId = new URL(href, "http://x").searchParams.get("account")!;
    const listed = (await (await page.request.get(`/api/accounts/${accountId}/chats/${chatId}/messages?limit=50`)).json()) as { messages: unknown[] };
    expect(listed.messages.length).toBeGreaterThan(0);
    await first.goto(href);
    await expect(first.getByRole("region", { name: "Messages" }).locator("article").first()).toBeVisible();
  } finally {
    await bare.close();
  }
});

test("unread badges and totals show, and opening an unread chat marks it read at Ozon", async ({ page, request }, testInfo) => {
  await openInbox(page);
  const total = await waitForImport(page, request);
  await expect(page).toHaveTitle(`(${total}) Inbox · Seller Inbox`);
  await expect(chatList(page).getByRole("img", { name: /^\d+ unread$/ }).first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("inbox-en.png") });

  const unreadLink = chatList(page).getByRole("link").filter({ has: page.getByRole("img", { name: /^\d+ unread$/ }) }).first();
  const badge = (await unreadLink.getByRole("img").getAttribute("aria-label")) ?? "";
  const count = Number(badge.split(" ")[0]);
  const href = (await unreadLink.getAttribute("href")) ?? "";
  const chatId = href.split("/inbox/")[1]!.split("?")[0]!;
  const response = await page.request.get(`/api/accounts/${new URL(href, "http://x").searchParams.get("account")}/chats?filter=unread&limit=100`);
  const ozonChatId = ((await response.json()) as { chats: ApiChat[] }).chats.find((c) => c.id === chatId)!.ozonChatId;

  await unreadLink.click();
  await expect(page).toHaveURL(new RegExp(`/inbox/${chatId}`));
  await expect(page.getByRole("region", { name: "Messages" })).toBeVisible();
  await expect(page.getByTestId("total-unread")).toHaveText(String(total - count));
  await expect(chatList(page).locator(`a[href^="/inbox/${chatId}"]`).getByRole("img")).toHaveCount(0);
  await expect.poll(async () => (await emulatorChat(request, ozonChatId)).unread_count, { timeout: 15_000 }).toBe(0);
  expect((await emulatorChat(request, ozonChatId)).messages.every((m) => m.is_read || m.user.type.toLowerCase() === "seller")).toBe(true);
  await expect(page).toHaveTitle(`(${total - count}) Inbox · Seller Inbox`);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("thread-en.png") });
});

test("j/k and Enter open a chat from the keyboard", async ({ page }) => {
  await openInbox(page);
  const links = chatList(page).getByRole("link");
  await links.first().focus();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  await page.keyboard.press("ArrowDown");
  await expect(links.nth(2)).toBeFocused();
  const href = (await links.nth(2).getAttribute("href")) ?? "";
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(href);
  await expect(links.nth(2)).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("region", { name: "Messages" })).toBeVisible();
});

test("a chat opens from the list in place, without the server rendering its page; back, forward and a reload agree", async ({ page }) => {
  await openInbox(page);
  // The chat's page as Next asks for it on a navigation (its link prefetches aside).
  const pageRequests: string[] = [];
  page.on("request", (request) => {
    const headers = request.headers();
    if (headers.rsc === "1" && !headers["next-router-prefetch"] && new URL(request.url()).pathname.startsWith("/inbox/")) pageRequests.push(request.url());
  });
  const rows = chatList(page).locator("a[data-chat-link]").filter({ has: page.getByTestId("chat-order-number") });
  // The thread's links to the chat's order (its header's, and its messages').
  const threadOrder = async (row: number) =>
    page.getByRole("link", { name: (await rows.nth(row).getByTestId("chat-order-number").textContent()) ?? "", exact: true }).first();
  const hrefs = [(await rows.nth(1).getAttribute("href"))!, (await rows.nth(2).getAttribute("href"))!];
  const [first, second] = [await threadOrder(1), await threadOrder(2)];

  await rows.nth(1).click();
  await expect(page).toHaveURL(hrefs[0]!);
  await expect(first).toBeVisible();
  await expect(rows.nth(1)).toHaveAttribute("aria-current", "page");
  await rows.nth(2).click();
  await expect(page).toHaveURL(hrefs[1]!);
  await expect(second).toBeVisible();
  await expect(first).toHaveCount(0);
  await expect(rows.nth(2)).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("region", { name: "Messages" }).locator("article").first()).toBeVisible();
  expect(pageRequests).toEqual([]);

  await page.goBack();
  await expect(page).toHaveURL(hrefs[0]!);
  await expect(first).toBeVisible();
  await expect(second).toHaveCount(0);
  await page.goForward();
  await expect(page).toHaveURL(hrefs[1]!);
  await expect(second).toBeVisible();
  // A reload asks the server for the chat's page, which shows the same chat.
  await page.reload();
  await expect(second).toBeVisible();
  await expect(rows.nth(2)).toHaveAttribute("aria-current", "page");
});

test("the chat list loads more chats as it scrolls, and Ozon support chats are apart", async ({ page }) => {
  const { chats } = await openInbox(page);
  const buyerCount = chats.filter((c) => c.isBuyerChat).length;
  expect(buyerCount).toBeGreaterThan(30);
  const links = chatList(page).getByRole("link");
  await expect(links).toHaveCount(30);
  await links.last().scrollIntoViewIfNeeded();
  await expect(links).toHaveCount(buyerCount);

  await page.getByRole("button", { name: "Ozon support" }).click();
  await expect(links).toHaveCount(chats.filter((c) => !c.isBuyerChat).length);
  await expect(links.first()).toContainText(/Ozon (support|notifications)/);
  await page.getByRole("button", { name: "Buyers" }).click();
  await page.getByRole("button", { name: "Closed" }).click();
  await expect(links).toHaveCount(chats.filter((c) => c.isBuyerChat && c.status === "CLOSED").length);
  await page.getByRole("button", { name: "Unread" }).click();
  await expect(links).toHaveCount(chats.filter((c) => c.isBuyerChat && c.unreadCount > 0).length);
});

test("a file is checked in the browser and sent", async ({ page, request }) => {
  const { accountId, chats } = await openInbox(page);
  const chat = writableChat(chats);
  await page.goto(`/inbox/${chat.id}?account=${accountId}`);
  await expect(page.getByRole("region", { name: "Messages" })).toBeVisible();
  const input = page.getByTestId("attach-file-input");
  await input.setInputFiles({ name: "virus.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ") });
  await expect(page.getByRole("alert").filter({ hasText: "This file type cannot be sent" })).toBeVisible();
  // A 1×1 PNG.
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
  const name = `photo-${Date.now()}.png`;
  await input.setInputFiles({ name, mimeType: "image/png", buffer: png });
  // A preview first: nothing reaches Ozon until Send.
  const preview = page.getByRole("group", { name: /File to send/ });
  await expect(preview.getByRole("img", { name })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "This file type cannot be sent" })).toHaveCount(0);
  expect((await emulatorChat(request, chat.ozonChatId)).messages.filter((m) => m.data.some((d) => d.includes(name)))).toHaveLength(0);
  await preview.getByRole("button", { name: "Cancel" }).click();
  await expect(preview).toHaveCount(0);
  await input.setInputFiles({ name, mimeType: "image/png", buffer: png });
  const caption = `Фото к заказу ${Date.now()}`;
  await preview.getByRole("textbox", { name: /Caption/ }).fill(caption);
  await preview.getByRole("button", { name: "Send", exact: true }).click();
  await expect(preview).toHaveCount(0);
  await expect.poll(async () => (await emulatorChat(request, chat.ozonChatId)).messages.filter((m) => m.data.some((d) => d.includes(name))).length).toBe(1);
  await expect.poll(async () => (await emulatorChat(request, chat.ozonChatId)).messages.filter((m) => m.data.includes(caption)).length).toBe(1);
  // The demo's emulator serves its images (emulator/fake-cdn.ts), so the thread shows the image; the link that stands
  // in for an image that cannot be loaded is accepted too: either way it is the sent file.
  const thread = page.getByRole("region", { name: "Messages" });
  await expect(thread.getByRole("img", { name }).or(thread.locator(`a[href$="${encodeURIComponent(name)}"]`)).first()).toBeVisible({ timeout: 15_000 });
});

test("a message is sent to Ozon; 1001 characters are refused in words and 1000 with emoji go through", async ({ page, request }) => {
  const { accountId, chats } = await openInbox(page);
  const chat = writableChat(chats);
  await page.goto(`/inbox/${chat.id}?account=${accountId}`);
  const send = page.getByRole("button", { name: "Send", exact: true });
  await expect(send).toBeDisabled();
  await expect(send).toHaveAccessibleDescription(/Write a message to send it/);

  const text = `Здравствуйте! Проверяем ответ ${Date.now()}`;
  await composer(page).fill(text);
  await expect(send).toBeEnabled();
  await send.click();
  await expect(composer(page)).toHaveValue("");
  await expect(page.getByRole("region", { name: "Messages" }).getByText(text)).toBeVisible();
  await expect.poll(async () => (await emulatorChat(request, chat.ozonChatId)).messages.filter((m) => m.data.includes(text)).length).toBe(1);

  const thousand = "😀".repeat(10) + "я".repeat(989) + "!";
  await composer(page).fill(`${thousand}x`);
  await expect(page.getByText("1001 / 1000")).toBeVisible();
  await expect(send).toBeDisabled();
  await expect(send).toHaveAccessibleDescription(/Too long: 1001 characters, Ozon allows at most 1000/);

  await composer(page).fill(thousand);
  await expect(page.getByText("1000 / 1000")).toBeVisible();
  await composer(page).press("Control+Enter");
  await expect(composer(page)).toHaveValue("");
  await expect.poll(async () => (await emulatorChat(request, chat.ozonChatId)).messages.filter((m) => m.data.includes(thousand)).length).toBe(1);
  await expect(page.getByRole("region", { name: "Messages" }).getByText(thousand)).toBeVisible();
});

test("a send Ozon refuses shows why, and Retry delivers it to the buyer once", async ({ page, request }) => {
  const { accountId, chats } = await openInbox(page);
  const chat = writableChat(chats, 1);
  await page.goto(`/inbox/${chat.id}?account=${accountId}`);
  await expect(page.getByRole("region", { name: "Messages" })).toBeVisible();
  const fault = await request.post(`${emulatorUrl}/__emulator/faults`, {
    data: { path: "/v1/chat/send/message", mode: "error", status: 400, count: 1 },
  });
  expect(fault.ok()).toBe(true);

  const text = `Повторная отправка ${Date.now()}`;
  await composer(page).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const outgoing = page.getByTestId("outgoing-message").filter({ hasText: text });
  await expect(outgoing.getByRole("button", { name: "Retry" })).toBeVisible({ timeout: 20_000 });
  await expect(outgoing).toContainText("Not sent");
  expect((await emulatorChat(request, chat.ozonChatId)).messages.filter((m) => m.data.includes(text))).toHaveLength(0);

  await outgoing.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("region", { name: "Messages" }).getByText(text)).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Retry" })).toHaveCount(0, { timeout: 20_000 });
  await expect.poll(async () => (await emulatorChat(request, chat.ozonChatId)).messages.filter((m) => m.data.includes(text)).length).toBe(1);
  // The server's own view after a reload, not a wait: still once, still no Retry.
  await page.reload();
  await expect(page.getByRole("region", { name: "Messages" }).getByText(text)).toBeVisible();
  expect((await emulatorChat(request, chat.ozonChatId)).messages.filter((m) => m.data.includes(text))).toHaveLength(1);
  await expect(page.getByRole("region", { name: "Messages" }).getByText(text)).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Retry" })).toHaveCount(0);
});

test("a send whose answer Ozon lost reaches the buyer once with nobody pressing anything, never said 'Not sent'", async ({ page, request }) => {
  const { accountId, chats } = await openInbox(page);
  const chat = writableChat(chats, 0);
  await page.goto(`/inbox/${chat.id}?account=${accountId}`);
  await expect(page.getByRole("region", { name: "Messages" })).toBeVisible();
  // Ozon applies the send and the connection dies before its answer: the outcome is unknown to the app.
  const fault = await request.post(`${emulatorUrl}/__emulator/faults`, {
    data: { path: "/v1/chat/send/message", mode: "timeout_after_apply", delay_ms: 2_000, count: 1 },
  });
  expect(fault.ok()).toBe(true);
  const text = `Ответ без подтверждения ${Date.now()}`;
  await composer(page).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();

  const region = page.getByRole("region", { name: "Messages" });
  await expect(region.getByText(text)).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId("outgoing-message").filter({ hasText: text })).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByText("Not sent")).toHaveCount(0);
  await expect(page.getByText(/answered the buyer after you opened this chat/)).toHaveCount(0);
  expect((await emulatorChat(request, chat.ozonChatId)).messages.filter((m) => m.data.includes(text))).toHaveLength(1);
});

test("a buyer message injected at Ozon shows up in the open chat and the list without a reload", async ({ page, request }) => {
  const { accountId, chats } = await openInbox(page);
  const chat = chats.find((c) => c.isBuyerChat && c.status === "OPENED")!;
  await page.goto(`/inbox/${chat.id}?account=${accountId}`);
  await expect(page.getByRole("region", { name: "Messages" })).toBeVisible();
  const text = `Подскажите, когда будет доставка? ${Date.now()}`;
  const sent = await request.post(`${emulatorUrl}/__emulator/buyer-message`, { data: { chat_id: chat.ozonChatId, text } });
  expect(sent.ok()).toBe(true);
  await expect(page.getByRole("region", { name: "Messages" }).getByText(text)).toBeVisible({ timeout: 30_000 });
  await expect(chatList(page).getByText(text)).toBeVisible({ timeout: 15_000 });
  // Seen while open and focused: marked read at Ozon too.
  await expect.poll(async () => (await emulatorChat(request, chat.ozonChatId)).unread_count, { timeout: 15_000 }).toBe(0);
});

// FIXME(issue 14): since this stop's thread changes (team bar, order column, grouped runs) scrolling to the top no
// longer loads the older page in this test; the thread must be checked by hand and this test made to pass again.
test("scrolling up loads older history without the view jumping; new messages keep the view at the bottom", async ({ page, request }) => {
  // Sixty buyer messages written one by one at the emulator take a while on a busy machine.
  test.setTimeout(120_000);
  const { accountId, chats } = await openInbox(page);
  const chat = chats.filter((c) => c.isBuyerChat && c.status === "OPENED")[3]!;
  const stamp = Date.now();
  for (let i = 1; i <= 60; i++) {
    const sent = await request.post(`${emulatorUrl}/__emulator/buyer-message`, { data: { chat_id: chat.ozonChatId, text: `Вопрос ${i} · ${stamp}` } });
    expect(sent.ok()).toBe(true);
  }
  await page.goto(`/inbox/${chat.id}?account=${accountId}`);
  const region = page.getByRole("region", { name: "Messages" });
  const newest = region.getByText(`Вопрос 60 · ${stamp}`, { exact: true });
  await expect(newest).toBeInViewport({ timeout: 20_000 });
  await expect(region.getByRole("button", { name: "Load older messages" })).toBeVisible();

  // The oldest loaded message is at the top when the older page arrives: it stays where the agent is looking.
  const oldestLoaded = region.getByText(`Вопрос 11 · ${stamp}`, { exact: true });
  await expect(oldestLoaded).toBeAttached();
  await region.evaluate((element) => (element.scrollTop = 0));
  await expect(region.getByText(`Вопрос 10 · ${stamp}`, { exact: true })).toBeAttached();
  await expect(oldestLoaded).toBeInViewport();
  await expect(region.getByText(`Вопрос 1 · ${stamp}`, { exact: true })).not.toBeInViewport();

  // Back at the bottom, a new buyer message keeps the view there.
  await region.evaluate((element) => (element.scrollTop = element.scrollHeight));
  const later = `Вопрос 61 · ${stamp}`;
  await request.post(`${emulatorUrl}/__emulator/buyer-message`, { data: { chat_id: chat.ozonChatId, text: later } });
  await expect(region.getByText(later, { exact: true })).toBeInViewport({ timeout: 20_000 });
});

test("a reply from someone else is shown before sending and needs a confirmation; the draft survives a reload", async ({ page, request }) => {
  const { accountId, chats } = await openInbox(page);
  const chat = writableChat(chats);
  await page.goto(`/inbox/${chat.id}?account=${accountId}`);
  await expect(page.getByRole("region", { name: "Messages" })).toBeVisible();
  await composer(page).fill("Черновик ответа");
  await page.reload();
  await expect(composer(page)).toHaveValue("Черновик ответа");

  // Someone answers meanwhile in Ozon's seller portal (the same agent in another tab is not "someone else": that is
  // decided by author and id). The inbox learns it from its sync.
  const other = `Уже ответили вам ${Date.now()}`;
  const answered = await request.post(`${emulatorUrl}/v1/chat/send/message`, {
    headers: { "Client-Id": "demo-client", "Api-Key": "demo-api-key" },
    data: { chat_id: chat.ozonChatId, text: other },
  });
  expect(answered.ok()).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: "Someone else answered the buyer after you opened this chat" })).toContainText(other, {
    timeout: 20_000,
  });

  await page.getByRole("button", { name: "Send", exact: true }).click();
  const confirm = page.getByRole("alert").filter({ hasText: "The buyer already has this answer" });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Don't send" }).click();
  await expect(composer(page)).toHaveValue("Черновик ответа");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await page.getByRole("button", { name: "Send anyway" }).click();
  await expect(composer(page)).toHaveValue("");
  await expect.poll(async () => (await emulatorChat(request, chat.ozonChatId)).messages.filter((m) => m.data.includes("Черновик ответа")).length).toBe(1);
});

test("a closed chat and a closed reply window are explained in the composer", async ({ page, request }) => {
  const { accountId, chats } = await openInbox(page);
  const closed = chats.find((c) => c.status === "CLOSED" && c.isBuyerChat)!;
  await page.goto(`/inbox/${closed.id}?account=${accountId}`);
  await expect(page.getByRole("status").filter({ hasText: "This chat is closed" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send", exact: true })).toBeDisabled();

  // An FBO chat whose buyer last wrote more than 48 hours ago: Ozon refuses, and the composer says why.
  const world = await emulatorWorld(request);
  const fbo = new Set(world.postings.filter((p) => p.delivery_schema === "FBO").map((p) => p.posting_number));
  const now = Date.parse(world.now);
  const stale = world.chats.find((c) => {
    if (c.chat_status !== "OPENED" || !c.posting_number || !fbo.has(c.posting_number)) return false;
    const buyer = c.messages.filter((m) => m.user.type.toLowerCase().replace("с", "c") === "customer");
    const last = buyer[buyer.length - 1];
    return last !== undefined && now - Date.parse(last.created_at) > 49 * 3600_000;
  });
  expect(stale).toBeDefined();
  const chat = chats.find((c) => c.ozonChatId === stale!.chat_id)!;
  await page.goto(`/inbox/${chat.id}?account=${accountId}`);
  // The server knows it from the chat's order before anyone types (or, for an order it cannot find, from Ozon's
  // refusal of a send): the composer is closed, with the reason and what would reopen it, and no Retry.
  await expect(page.getByRole("status").filter({ hasText: /More than 48 hours have passed|the time to answer is over/ })).toContainText(
    "when the buyer writes",
    { timeout: 20_000 },
  );
  await expect(composer(page)).toBeDisabled();
  await expect(page.getByRole("button", { name: "Send", exact: true })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Retry" })).toHaveCount(0);
});

test("the inbox in Russian", async ({ page, request, context }, testInfo) => {
  const { accountId, chats } = await openInbox(page);
  await context.addCookies([{ name: "seller-inbox-locale", value: "ru", url: page.url() }]);
  await page.goto(`/inbox?account=${accountId}`);
  const list = page.getByRole("navigation", { name: "Чаты" });
  await expect(list.getByRole("img", { name: /^\d+ непрочитанн(ое|ых)$/ }).first()).toBeVisible({ timeout: 30_000 });
  await waitForImport(page, request);
  await expect(page).toHaveTitle(/Сообщения · Seller Inbox/);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("inbox-ru.png") });

  const chat = chats.find((c) => c.isBuyerChat && c.status === "OPENED")!;
  await page.goto(`/inbox/${chat.id}?account=${accountId}`);
  await expect(page.getByRole("region", { name: "Сообщения" })).toBeVisible();
  await expect(page.getByLabel("Сообщение", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Прикрепить файл" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("thread-ru.png") });
});

test("buyer rows show the product's picture from the order (or a calm box), and at 390 px in both languages keep the order number whole", async ({ page }, testInfo) => {
  const { accountId } = await openInbox(page);
  type PictureChat = { id: string; product: { name: string; imageUrl: string | null } | null };
  // The sync reads the postings (and the products' cards) after the import: the rows have pictures once it did.
  let withPicture: PictureChat | undefined;
  await expect
    .poll(
      async () => {
        const response = await page.request.get(`/api/accounts/${accountId}/chats?kind=buyer&limit=100`);
        const chats = ((await response.json()) as { chats: PictureChat[] }).chats;
        withPicture = chats.find((c) => c.product?.imageUrl);
        return withPicture?.product?.imageUrl ?? null;
      },
      { timeout: 60_000 },
    )
    .toContain(`${emulatorUrl}/__emulator/cdn/`);
  await page.reload();
  const row = chatList(page).locator(`a[href^="/inbox/${withPicture!.id}"]`);
  const picture = row.locator("img");
  await row.scrollIntoViewIfNeeded();
  await expect(picture).toHaveAttribute("src", withPicture!.product!.imageUrl!);
  await expect(picture).toHaveAttribute("loading", "lazy");
  // The row names the product in words already: the picture is decorative.
  await expect(picture).toHaveAttribute("alt", "");
  await expect(row.getByTestId("chat-product")).toContainText(withPicture!.product!.name);
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const box = (await picture.boundingBox())!;
  expect(Math.round(box.width)).toBe(40);
  expect(Math.round(box.height)).toBe(40);
  await expectAccessible(page);

  // Where no picture loads (the CDN down), a plain box takes its place: no broken image, nothing to read.
  await page.route("**/__emulator/cdn/**", (route) => route.abort());
  await page.reload();
  await expect(row.getByTestId("product-thumb-fallback")).toBeVisible();
  await expect(row.locator("img")).toHaveCount(0);
  await page.unroute("**/__emulator/cdn/**");

  await page.setViewportSize({ width: 390, height: 844 });
  for (const locale of ["en", "ru"] as const) {
    await page.context().addCookies([{ name: "seller-inbox-locale", value: locale, url: page.url() }]);
    await page.goto(`/inbox?account=${accountId}`);
    const list = page.getByRole("navigation", { name: locale === "ru" ? "Чаты" : "Chats" });
    await expect(list.locator(`a[href^="/inbox/${withPicture!.id}"] img`)).toHaveAttribute("src", withPicture!.product!.imageUrl!);
    // Every row on screen: nothing sticks out of it, and the order number and the time are whole and inside it.
    const overflowing = await list.locator("a[data-chat-link]").evaluateAll((links) =>
      links
        .filter((link) => link.getBoundingClientRect().top < window.innerHeight)
        .flatMap((link) => {
          const right = link.getBoundingClientRect().right;
          const parts = [...link.querySelectorAll<HTMLElement>('[data-testid="chat-order-number"], time, img')];
          const bad = parts.filter((part) => part.getBoundingClientRect().right > right + 0.5 || part.scrollWidth > part.clientWidth + 1);
          return link.scrollWidth > link.clientWidth + 1 || bad.length > 0 ? [`${link.textContent} (${bad.map((b) => b.textContent || b.tagName).join(", ")})`] : [];
        }),
    );
    expect(overflowing, `rows that do not fit 390 px (${locale})`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: testInfo.outputPath(`chat-rows-390-${locale}.png`) });
  }
});
