import { expect, test } from "@playwright/test";
import { DEMO_ADMIN, signIn } from "./support";

test("an agent without the right to an account cannot open its chats by URL, nor read them through the API", async ({ page, browser }) => {
  // As the admin: the demo account's id and one of its chats, and a new agent who may work no account.
  await signIn(page, DEMO_ADMIN);
  const { accounts } = (await (await page.request.get("/api/accounts")).json()) as { accounts: { id: string }[] };
  const accountId = accounts[0]!.id;
  const { chats } = (await (await page.request.get(`/api/accounts/${accountId}/chats?kind=buyer&limit=1`)).json()) as {
    chats: { id: string; lastMessagePreview: string | null }[];
  };
  const chat = chats[0]!;
  const email = `outsider-${Date.now()}@demo.local`;
  const created = await page.request.post("/api/admin/users", {
    data: { name: "Outsider", email, password: "outsider-password", role: "AGENT", accountIds: [] },
  });
  expect(created.status()).toBe(201);

  const outsider = await browser.newContext();
  const outsiderPage = await outsider.newPage();
  await signIn(outsiderPage, { email, password: "outsider-password" });

  // The page shows nothing of the chat: for a user with no account, the inbox says so; with another account, 404.
  await outsiderPage.goto(`/inbox/${chat.id}?account=${accountId}`);
  await expect(outsiderPage.getByText("You have no seller account to work yet.")).toBeVisible();
  await expect(outsiderPage.getByRole("region", { name: "Messages" })).toHaveCount(0);
  if (chat.lastMessagePreview) await expect(outsiderPage.getByText(chat.lastMessagePreview)).toHaveCount(0);

  // The API answers exactly as for an account that does not exist.
  for (const path of [`/api/accounts/${accountId}/chats`, `/api/accounts/${accountId}/chats/${chat.id}/messages`, `/api/accounts/does-not-exist/chats`]) {
    const response = await outsiderPage.request.get(path);
    expect(response.status(), path).toBe(404);
    expect((await response.json()).error.code).toBe("account_not_found");
  }
  await outsider.close();
});

test("a chat that does not exist is not found, in the page's language", async ({ page, context }) => {
  await signIn(page, DEMO_ADMIN);
  const response = await page.goto("/inbox/no-such-chat");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();

  await context.addCookies([{ name: "seller-inbox-locale", value: "ru", url: page.url() }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Не найдено" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
});
