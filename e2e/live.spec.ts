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
  await page.goto(`/inbox/${chat.id}?account=${accountId}`);
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
