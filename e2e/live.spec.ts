import { expect, test, type Page } from "@playwright/test";
import { DEMO_ADMIN, emulatorUrl, signIn } from "./support";

type ApiChat = { id: string; ozonChatId: string; status: string; isBuyerChat: boolean };

const chatList = (page: Page) => page.getByRole("navigation", { name: "Chats" });
const liveStatus = (page: Page) => page.getByRole("status").filter({ hasText: "Live updates paused" });

test("a buyer message reaches the open chat and the top of the list through the live stream alone", async ({ page, request }) => {
  await signIn(page, DEMO_ADMIN);
  await expect(chatList(page).getByRole("link").first()).toBeVisible({ timeout: 30_000 });
  const href = (await chatList(page).getByRole("link").first().getAttribute("href")) ?? "";
  const accountId = new URL(href, "http://x").searchParams.get("account") ?? "";
  const listed = await page.request.get(`/api/accounts/${accountId}/chats?kind=buyer&limit=100`);
  const chats = ((await listed.json()) as { chats: ApiChat[] }).chats.filter((c) => c.status === "OPENED");
  // Not the top chat: it has to move there.
  const chat = chats[2]!;
  // The page's own stream must be open before its reads are blocked: a fresh stream replays nothing from before it
  // opened (the refetch at its start catches that up, and the test blocks it), which a loaded machine made likely.
  const streamOpened = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/events" && response.ok());
  await page.goto(`/inbox/${chat.id}?account=${accountId}`);
  await streamOpened;
  const messages = page.getByRole("region", { name: "Messages" });
  await expect(messages).toBeVisible();
  await expect(chatList(page).getByRole("link").first()).not.toHaveAttribute("href", new RegExp(chat.id));

  // From here on the page's own reads of chats and messages fail: only the stream can bring the message.
  await page.route(/\/api\/accounts\/[^/]+\/chats(\/[^/]+\/messages)?(\?.*)?$/, (route) =>
    route.request().method() === "GET" ? route.abort() : route.continue(),
  );
  const text = `Live: где мой заказ? ${Date.now()}`;
  const sent = await request.post(`${emulatorUrl}/__emulator/buyer-message`, { data: { chat_id: chat.ozonChatId, text } });
  expect(sent.ok()).toBe(true);
  await expect(messages.getByText(text)).toBeVisible({ timeout: 20_000 });
  await expect(chatList(page).getByRole("link").first()).toHaveAttribute("href", new RegExp(chat.id));
  await expect(chatList(page).getByRole("link").first().getByText(text)).toBeVisible();
  await expect(liveStatus(page)).toHaveCount(0);
});

test("while the stream cannot connect a quiet status says so, and it goes once the stream is back", async ({ page }) => {
  await page.route("**/api/events**", (route) => route.abort());
  await signIn(page, DEMO_ADMIN);
  await expect(liveStatus(page)).toBeVisible({ timeout: 15_000 });
  await page.unroute("**/api/events**");
  await expect(liveStatus(page)).toHaveCount(0, { timeout: 20_000 });
});

test("a buyer message that arrives before the stream opens still shows, without waiting for the safety refetch", async ({ page, request }) => {
  await signIn(page, DEMO_ADMIN);
  await expect(chatList(page).getByRole("link").first()).toBeVisible({ timeout: 30_000 });
  const href = (await chatList(page).getByRole("link").first().getAttribute("href")) ?? "";
  const accountId = new URL(href, "http://x").searchParams.get("account") ?? "";
  const listed = await page.request.get(`/api/accounts/${accountId}/chats?kind=buyer&limit=100`);
  const chat = ((await listed.json()) as { chats: ApiChat[] }).chats.filter((c) => c.status === "OPENED")[1]!;

  // A fresh page reads the thread while its stream is held back. Until the stream answers, the page's reads (its polls
  // while the stream is not open) get the answers from before the message, never an error (that would be retried):
  // only the stream's start can make the tab read the thread again within the test's time.
  let releaseStream!: () => void;
  const streamHeld = new Promise<void>((resolve) => (releaseStream = resolve));
  await page.route("**/api/events**", async (route) => {
    await streamHeld;
    await route.continue();
  });
  let readsStale = false;
  const before = new Map<string, string>();
  await page.route(/\/api\/accounts\/[^/]+\/chats(\/[^/]+\/messages)?(\?.*)?$/, async (route) => {
    const url = route.request().url();
    if (route.request().method() !== "GET") return route.continue();
    if (readsStale && before.has(url)) return route.fulfill({ status: 200, contentType: "application/json", body: before.get(url)! });
    const stale = readsStale;
    let response: Awaited<ReturnType<typeof route.fetch>>;
    let body: string;
    try {
      response = await route.fetch();
      body = await response.text();
    } catch {
      // The page dropped this read meanwhile (a query superseded by the next one): its response is disposed.
      return route.abort().catch(() => undefined);
    }
    if (!stale) before.set(url, body);
    return route.fulfill({ response, body }).catch(() => undefined);
  });
  page.on("response", (response) => {
    if (response.url().includes("/api/events")) readsStale = false;
  });
  await page.goto(`/inbox/${chat.id}?account=${accountId}`);
  const messages = page.getByRole("region", { name: "Messages" });
  await expect(messages).toBeVisible();
  await expect.poll(() => [...before.keys()].some((url) => url.includes(`/chats/${chat.id}/messages`))).toBe(true);
  readsStale = true;
  const text = `До потока: где мой заказ? ${Date.now()}`;
  const sent = await request.post(`${emulatorUrl}/__emulator/buyer-message`, { data: { chat_id: chat.ozonChatId, text } });
  expect(sent.ok()).toBe(true);
  await expect
    .poll(async () => JSON.stringify(await (await page.request.get(`/api/accounts/${accountId}/chats/${chat.id}/messages`)).json()), { timeout: 30_000 })
    .toContain(text);
  releaseStream();
  // Once open, the stream only has a once-a-minute safety refetch beside it: well within that, the message is shown.
  await expect(messages.getByText(text)).toBeVisible({ timeout: 20_000 });
});
