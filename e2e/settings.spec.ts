import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_ADMIN, DEMO_AGENT, emulatorUrl, expectAccessible } from "./support";

// The demo's seller account (lib/demo/seed-demo-data.ts) and its key, which must never reach the browser.
const DEMO_ACCOUNT_NAME = "Домашний уют (demo)";
const DEMO_API_KEY = "demo-api-key";

/** Signs in through the form and waits for the inbox (the home of a signed-in user). */
async function signInTo(page: Page, user: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/inbox/);
}

function accountCard(page: Page, name: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name, exact: true }) });
}

/** What the card says about its own actions (its push section has messages of its own). */
function cardMessage(card: Locator, role: "status" | "alert") {
  return card.getByTestId("account-message").getByRole(role);
}

test("the admin sees the demo account with the key's last four characters, never the key", async ({ page }, testInfo) => {
  const bodies: string[] = [];
  page.on("response", async (response) => {
    bodies.push(await response.text().catch(() => ""));
  });
  await signInTo(page, DEMO_ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/accounts$/);
  await expect(page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Seller accounts" })).toHaveAttribute(
    "aria-current",
    "page",
  );

  const card = accountCard(page, DEMO_ACCOUNT_NAME);
  await expect(card.getByTestId("api-key-last4")).toHaveText(`…${DEMO_API_KEY.slice(-4)}`);
  await expect(card).toContainText("demo-client");
  await expect(card).toContainText("Premium Plus");
  await expect(card).toContainText("Connected");
  expect(await page.content()).not.toContain(DEMO_API_KEY);

  await card.getByRole("button", { name: "Test connection" }).click();
  await expect(cardMessage(card, "status")).toHaveText("The connection works.");
  await card.getByRole("button", { name: "Sync now" }).click();
  await expect(cardMessage(card, "status")).toContainText("Sync requested");

  // Rename and back: the list follows at once.
  await card.getByRole("button", { name: "Rename" }).click();
  await expect(card.getByLabel("New name")).toBeFocused();
  await card.getByLabel("New name").fill("Домашний уют (переименован)");
  await card.getByRole("button", { name: "Save name" }).click();
  const renamed = accountCard(page, "Домашний уют (переименован)");
  await expect(cardMessage(renamed, "status")).toHaveText("Renamed.");
  await renamed.getByRole("button", { name: "Rename" }).click();
  await renamed.getByLabel("New name").fill(DEMO_ACCOUNT_NAME);
  await renamed.getByLabel("New name").press("Enter");
  await expect(cardMessage(accountCard(page, DEMO_ACCOUNT_NAME), "status")).toHaveText("Renamed.");

  // Removing asks first, in a modal dialog the keyboard can leave with Escape; nothing is removed then.
  const removeButton = accountCard(page, DEMO_ACCOUNT_NAME).getByRole("button", { name: "Remove" });
  await removeButton.click();
  const dialog = page.getByRole("dialog", { name: `Remove ${DEMO_ACCOUNT_NAME}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Remove account" })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(removeButton).toBeFocused();
  await expect(accountCard(page, DEMO_ACCOUNT_NAME)).toBeVisible();

  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("settings-accounts-en.png"), fullPage: true });
  expect(bodies.some((body) => body.includes(DEMO_API_KEY))).toBe(false);
});

test("keys Ozon refuses, and an account without Premium, are refused by the form in words", async ({ page }, testInfo) => {
  await signInTo(page, DEMO_ADMIN);
  await page.goto("/settings/accounts");
  const form = page.getByRole("region", { name: "Add a seller account" });
  await expect(form.getByLabel("Api-Key")).toHaveAttribute("type", "password");
  await expect(form.getByLabel("Api-Key")).toHaveAttribute("autocomplete", "off");

  await form.getByLabel("Name").fill("Wrong keys");
  // Ozon's Client-Ids are numbers: anything else is said by the field, before asking anyone.
  await form.getByLabel("Client-Id").fill("my-shop");
  await form.getByLabel("Api-Key").fill("wrong-api-key");
  await form.getByRole("button", { name: "Add account" }).click();
  await expect(form.getByLabel("Client-Id")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText(/Client-Id must be a number/)).toBeVisible();
  await form.getByLabel("Client-Id").fill("999999999");
  await form.getByLabel("Api-Key").fill("wrong");
  await form.getByRole("button", { name: "Add account" }).click();
  // Too short for any Ozon key: said by the field, before asking anyone.
  await expect(form.getByLabel("Api-Key")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Api-Key: at least 8 characters.")).toBeVisible();

  await form.getByLabel("Api-Key").fill("wrong-api-key");
  await form.getByRole("button", { name: "Add account" }).click();
  await expect(form.getByRole("alert")).toContainText("Ozon did not accept this Client-Id and Api-Key");

  await form.getByLabel("Name").fill("Basic shop");
  await form.getByLabel("Client-Id").fill("basic-client");
  await form.getByLabel("Api-Key").fill("basic-api-key");
  await form.getByRole("button", { name: "Add account" }).click();
  await expect(form.getByRole("alert")).toContainText("Premium Plus or Premium Pro");
  await expect(accountCard(page, "Basic shop")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("settings-accounts-refused-en.png"), fullPage: true });

  // A replacement key is tried first: one Ozon refuses leaves the stored key as it was.
  const card = accountCard(page, DEMO_ACCOUNT_NAME);
  await card.getByRole("button", { name: "Replace key" }).click();
  await expect(card.getByLabel("New Api-Key")).toHaveAttribute("type", "password");
  await card.getByLabel("New Api-Key").fill("wrong-api-key");
  await card.getByRole("button", { name: "Save key" }).click();
  await expect(cardMessage(card, "alert")).toContainText("Ozon did not accept this Client-Id and Api-Key");
  await expect(card.getByTestId("api-key-last4")).toHaveText(`…${DEMO_API_KEY.slice(-4)}`);
  await card.getByLabel("New Api-Key").fill(DEMO_API_KEY);
  await card.getByRole("button", { name: "Save key" }).click();
  await expect(cardMessage(card, "status")).toHaveText("The key is replaced.");
  await expect(card.getByLabel("New Api-Key")).toHaveCount(0);
});

test("an added agent works the inbox with the account given, until deactivated; a password reset lets them back", async ({ page, browser }, testInfo) => {
  const stamp = Date.now();
  const agent = { name: `Агент ${stamp}`, email: `agent-${stamp}@demo.local`, password: "agent-password-1" };

  await signInTo(page, DEMO_ADMIN);
  await page.goto("/settings/agents");
  const form = page.getByRole("region", { name: "Add an agent" });
  await form.getByLabel("Name").fill(agent.name);
  await form.getByLabel("Email").fill(agent.email);
  await form.getByLabel("Initial password").fill("too-short");
  await form.getByRole("button", { name: "Add agent" }).click();
  await expect(form.getByText("Initial password: at least 10 characters.")).toBeVisible();
  await form.getByLabel("Initial password").fill(agent.password);
  await form.getByRole("button", { name: "Add agent" }).click();
  await expect(form.getByRole("status")).toContainText(`${agent.name} is added`);

  // The same email again: the server's refusal (409) in words.
  await form.getByLabel("Name").fill("Someone else");
  await form.getByLabel("Email").fill(agent.email);
  await form.getByLabel("Initial password").fill(agent.password);
  await form.getByRole("button", { name: "Add agent" }).click();
  await expect(form.getByRole("alert")).toContainText("already exists");

  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: agent.name }) });
  await expect(card.getByText("Agent", { exact: true })).toBeVisible();
  await expect(card.getByText("Active", { exact: true })).toBeVisible();
  const accounts = card.getByRole("group", { name: `Seller accounts ${agent.name} may work` });
  await accounts.getByRole("checkbox", { name: DEMO_ACCOUNT_NAME }).check();
  await expect(card.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(accounts.getByRole("checkbox", { name: DEMO_ACCOUNT_NAME })).toBeChecked();

  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("settings-agents-en.png"), fullPage: true });

  const agentContext = await browser.newContext();
  try {
    const agentPage = await agentContext.newPage();
    await signInTo(agentPage, agent);
    await expect(agentPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveAttribute("href", "/settings/replies");
    await agentPage.goto("/settings/agents");
    await expect(agentPage).toHaveURL(/\/inbox/);

    await card.getByRole("button", { name: "Deactivate" }).click();
    await expect(card.getByRole("status")).toHaveText("Saved.");
    await expect(card.getByText("Deactivated", { exact: true })).toBeVisible();
    await expect(card.getByRole("button", { name: "Reactivate" })).toBeVisible();

    // The agent's live stream ends on the deactivation and may already be taking the page to sign-in, which aborts
    // the reload: either way the page must end there.
    await agentPage.reload().catch(() => undefined);
    await expect(agentPage).toHaveURL(/\/sign-in/);

    // Reactivated with a new password: the old one no longer works, the new one does.
    await card.getByRole("button", { name: "Reactivate" }).click();
    await expect(card.getByText("Active", { exact: true })).toBeVisible();
    await card.getByRole("button", { name: "Reset password" }).click();
    await card.getByLabel("New password").fill("new-agent-password");
    await card.getByRole("button", { name: "Save password" }).click();
    await expect(card.getByRole("status")).toContainText("The password is changed");
    await agentPage.getByLabel("Email").fill(agent.email);
    await agentPage.getByLabel("Password").fill(agent.password);
    await agentPage.getByRole("button", { name: "Sign in" }).click();
    await expect(agentPage.getByRole("main").getByRole("alert")).toHaveText("The email or the password is wrong.");
    await signInTo(agentPage, { email: agent.email, password: "new-agent-password" });
  } finally {
    await agentContext.close();
  }
});

test("the last active administrator cannot be made an agent, and says why", async ({ page }) => {
  await signInTo(page, DEMO_ADMIN);
  // Make the demo agent an administrator and back: the role changes in place.
  await page.goto("/settings/agents");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: "Demo Agent" }) });
  await card.getByRole("button", { name: "Make administrator" }).click();
  await expect(card.getByRole("status")).toHaveText("Saved.");
  await expect(card.getByText("Administrator", { exact: true })).toBeVisible();
  await card.getByRole("button", { name: "Make agent" }).click();
  await expect(card.getByRole("status")).toHaveText("Saved.");
  await expect(card.getByRole("group", { name: "Seller accounts Demo Agent may work" }).getByRole("checkbox")).toHaveCount(1);

  // The signed-in administrator is now the only one: the server refuses, and the card says why.
  const self = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: /Demo Admin/ }) });
  await self.getByRole("button", { name: "Make agent" }).click();
  await expect(self.getByRole("alert")).toContainText("last active administrator");
  await expect(self.getByText("Administrator", { exact: true })).toBeVisible();
});

test("an agent's settings are their saved replies only: accounts and agents stay closed", async ({ page }) => {
  await signInTo(page, DEMO_AGENT);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/replies$/);
  await expect(page.getByRole("navigation", { name: "Settings sections" }).getByRole("link")).toHaveText(["Saved replies"]);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/settings\/replies$/);
  for (const path of ["/settings/accounts", "/settings/agents"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/inbox/);
  }
  const users = await page.request.get("/api/admin/users");
  expect(users.status()).toBe(403);
});

test("sign-in has no serious accessibility problem, and setup is closed once someone exists", async ({ page }, testInfo) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to Seller Inbox" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Email").fill(DEMO_AGENT.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or the password is wrong.");
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("sign-in-wrong-en.png") });

  await page.goto("/setup");
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible(page);
});

test("the account's push URL: shown to the admin, reissued after a confirmation, the old one refused at once", async ({ page, request }) => {
  await signInTo(page, DEMO_ADMIN);
  await page.goto("/settings/accounts");
  const push = accountCard(page, DEMO_ACCOUNT_NAME).getByRole("region", { name: "Push notifications" });
  const url = push.getByLabel("Push URL", { exact: true });
  await expect(url).toHaveValue(/\/api\/push\/[A-Za-z0-9_-]{43}$/);
  const oldUrl = await url.inputValue();
  const ping = (target: string) => request.post(target, { data: { message_type: "TYPE_PING", time: new Date().toISOString() } });
  expect((await ping(oldUrl)).status()).toBe(200);

  await push.getByRole("button", { name: /^Issue a new URL/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Issue new URL" }).click();
  await expect(url).not.toHaveValue(oldUrl);
  const newUrl = await url.inputValue();
  const refused = await ping(oldUrl);
  expect(refused.status()).toBe(404);
  expect(await refused.json()).toMatchObject({ error: { code: "ERROR_UNKNOWN", details: null } });
  const answered = await ping(newUrl);
  expect(answered.status()).toBe(200);
  expect(await answered.json()).toMatchObject({ name: "Seller Inbox" });

  // Registered anew at Ozon, as the admin would in the seller portal; Ozon's check ("Проверить") passes.
  expect((await request.post(`${emulatorUrl}/__emulator/push`, { data: { client_id: "demo-client", url: newUrl } })).ok()).toBe(true);
  const check = await request.post(`${emulatorUrl}/__emulator/push/ping`, { data: { client_id: "demo-client" } });
  expect(await check.json()).toMatchObject({ ok: true });
});
