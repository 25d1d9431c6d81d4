import { expect, test } from "@playwright/test";
import { DEMO_ADMIN, DEMO_AGENT, emulatorState, emulatorUrl, expectAccessible, signIn } from "./support";

test("a signed-out visitor is sent to sign in, and a wrong password is refused in words", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("sign-in.png") });

  await page.getByLabel("Email").fill(DEMO_AGENT.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("The email or the password is wrong.");
});

test("the agent sees the demo seller's chats from the cache, with Ozon's unread counts", async ({ page, request }, testInfo) => {
  await signIn(page, DEMO_AGENT);
  const chats = page.getByRole("navigation", { name: "Chats" });
  await expect(chats).toBeVisible();

  // The import runs in the background after start; the list fills from the cache as it goes.
  const state = await emulatorState(request);
  const emulatorUnread = state.chats.reduce((sum, chat) => sum + chat.unread_count, 0);
  expect(emulatorUnread).toBeGreaterThan(0);
  await expect(page.getByTestId("total-unread")).toHaveText(String(emulatorUnread), { timeout: 30_000 });
  // The list opens on buyer chats (Ozon support apart), a page at a time.
  const buyerChats = state.chats.filter((chat) => chat.chat_type.startsWith("BUYER"));
  await expect(chats.getByRole("listitem")).toHaveCount(Math.min(30, buyerChats.length));
  await expect(chats.getByLabel(/^\d+ unread$/).first()).toBeVisible();

  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("chats.png"), fullPage: true });
});

test("a buyer message that reaches Ozon shows up without a reload", async ({ page, request }) => {
  await signIn(page, DEMO_ADMIN);
  await expect(page.getByRole("navigation", { name: "Chats" })).toBeVisible();
  const emulatorUnread = (await emulatorState(request)).chats.reduce((sum, chat) => sum + chat.unread_count, 0);
  await expect(page.getByTestId("total-unread")).toHaveText(String(emulatorUnread), { timeout: 30_000 });

  const text = `Подскажите, когда будет доставка? ${Date.now()}`;
  const buyerChat = (await emulatorState(request)).chats.find((chat) => chat.chat_type === "BUYER_SELLER");
  expect(buyerChat).toBeDefined();
  const sent = await request.post(`${emulatorUrl}/__emulator/buyer-message`, { data: { chat_id: buyerChat!.chat_id, text } });
  expect(sent.ok()).toBe(true);

  await expect(page.getByText(text)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("total-unread")).toHaveText(String(emulatorUnread + 1));
});

test("the routes refuse a caller without a session, and the browser never sees the Api-Key", async ({ page, request }) => {
  const unauthenticated = await request.get("/api/accounts");
  expect(unauthenticated.status()).toBe(401);
  expect((await unauthenticated.json()).error.code).toBe("unauthenticated");

  const bodies: string[] = [];
  page.on("response", async (response) => {
    bodies.push(await response.text().catch(() => ""));
  });
  await signIn(page, DEMO_ADMIN);
  await expect(page.getByRole("navigation", { name: "Chats" })).toBeVisible();
  const accounts = await page.request.get("/api/accounts");
  bodies.push(await accounts.text());
  expect(accounts.ok()).toBe(true);
  expect(bodies.join("\n")).not.toContain("demo-api-key");
  expect(await page.content()).not.toContain("demo-api-key");
});
