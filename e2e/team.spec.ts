import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_ADMIN, expectAccessible, signIn } from "./support";

type ApiChat = { id: string; ozonChatId: string; assigneeId: string | null; workStatus: string; awaitingSince: string | null };

/** What another agent's change must take at most to show in this tab (the issue asks for a second; CI has slack). */
const LIVE_MS = 3_000;

async function firstAccountId(page: Page): Promise<string> {
  const answer = await page.request.get("/api/accounts");
  return ((await answer.json()) as { accounts: { id: string }[] }).accounts[0]!.id;
}

/** A new agent of the account (so deactivating them disturbs no other test), signed in in a context of their own. */
async function secondAgent(browser: Browser, admin: Page, accountId: string, name: string) {
  const email = `team-${Date.now()}@demo.local`;
  const created = await admin.request.post("/api/admin/users", {
    data: { name, email, password: "team-password-1", role: "AGENT", accountIds: [accountId] },
  });
  expect(created.ok()).toBe(true);
  const user = ((await created.json()) as { user: { id: string } }).user;
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, { email, password: "team-password-1" });
  return { id: user.id, page, context };
}

test("two agents: each sees the other viewing and typing; assign, resolve, snooze and a note with a mention show in the other's tab; a deactivated owner's chat returns to the pool", async ({ page: admin, browser }) => {
  test.setTimeout(120_000);
  await signIn(admin, DEMO_ADMIN);
  const accountId = await firstAccountId(admin);
  const boris = await secondAgent(browser, admin, accountId, `Boris ${Date.now() % 100000}`);
  const borisName = ((await (await admin.request.get(`/api/accounts/${accountId}/agents`)).json()) as { agents: { id: string; name: string }[] }).agents.find((a) => a.id === boris.id)!.name;

  const queue = (await (await admin.request.get(`/api/accounts/${accountId}/queue?view=needs_reply&kind=buyer&limit=5`)).json()) as { chats: ApiChat[] };
  const chat = queue.chats.find((c) => c.assigneeId === null)!;
  expect(chat, "the demo shop has a buyer awaiting a reply").toBeTruthy();
  const url = `/inbox/${chat.id}?account=${accountId}`;
  await admin.goto(url);
  await boris.page.goto(url);
  const controls = (page: Page) => page.getByTestId("team-controls");
  await expect(controls(admin)).toBeVisible();
  await expect(controls(boris.page)).toBeVisible();

  // Presence: each sees the other in the chat, and Boris sees the admin typing a reply.
  await expect(boris.page.getByTestId("presence-viewing")).toContainText("Demo Admin", { timeout: LIVE_MS });
  await expect(admin.getByTestId("presence-viewing")).toContainText(borisName, { timeout: LIVE_MS });
  await admin.getByLabel("Message", { exact: true }).pressSequentially("Секунду");
  await expect(boris.page.getByTestId("presence-typing")).toContainText("Demo Admin", { timeout: LIVE_MS });
  await admin.getByLabel("Message", { exact: true }).fill("");

  // The queue: the chat is in "Needs reply" with its count, in Boris's tab.
  await boris.page.getByTestId("queue-views").getByRole("button", { name: /Needs reply/ }).click();
  await expect(boris.page.getByRole("navigation", { name: "Chats" }).locator(`a[data-chat-id="${chat.id}"]`)).toBeVisible();
  const needsReply = Number(await boris.page.getByTestId("count-needs_reply").textContent());
  expect(needsReply).toBeGreaterThan(0);

  // Assign: the admin gives the chat to Boris; Boris's tab shows him as the owner, and "Mine" counts it.
  await controls(admin).getByLabel("Owner").selectOption(boris.id);
  await expect(controls(boris.page).getByLabel("Owner")).toHaveValue(boris.id, { timeout: LIVE_MS });
  await expect(boris.page.getByTestId("count-mine")).toHaveText("1", { timeout: LIVE_MS });
  // …and is notified: in the page, and in the tab's title.
  await expect(boris.page.getByTestId("team-notices")).toContainText("Demo Admin assigned a chat to you", { timeout: LIVE_MS });
  await expect(boris.page).toHaveTitle(/^\(1 new\) /);
  await expect(boris.page.getByTestId("team-trail").getByText(/assigned the chat to/)).toBeVisible({ timeout: LIVE_MS });

  // Boris's chat cannot be taken from him by a colleague: the admin may (administrator), which the rule allows;
  // a reply by the admin to Boris's chat asks first, and Cancel keeps the text.
  const composer = admin.getByLabel("Message", { exact: true });
  await composer.fill("Здравствуйте! Уточняю.");
  await composer.press("Control+Enter");
  const dialog = admin.getByRole("dialog", { name: "This chat belongs to someone else" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(composer).toHaveValue("Здравствуйте! Уточняю.");
  await composer.fill("");

  // Resolve (by keyboard, in Boris's tab): the admin's tab shows it.
  await boris.page.getByRole("region", { name: "Messages" }).focus();
  await boris.page.keyboard.press("e");
  await expect(controls(admin).getByTestId("work-status")).toHaveText("Resolved", { timeout: LIVE_MS });

  // Snooze until a chosen time (the admin): Boris's tab shows it snoozed.
  await controls(admin).getByRole("button", { name: "Reopen" }).click();
  await expect(controls(boris.page).getByTestId("work-status")).toHaveText("Open", { timeout: LIVE_MS });
  await controls(admin).getByText("Snooze", { exact: true }).click();
  await controls(admin).getByRole("button", { name: "For 4 hours" }).click();
  await expect(controls(boris.page).getByTestId("work-status")).toHaveText(/^Snoozed until/, { timeout: LIVE_MS });

  // A private note with a mention of Boris: in his tab, yellow, never among the messages.
  await admin.getByRole("group", { name: "What to write" }).getByRole("button", { name: "Private note" }).click();
  const note = `@${borisName} проверь возврат ${Date.now()}`;
  await admin.getByLabel("Private note (never sent to Ozon)").fill(note);
  await admin.getByRole("button", { name: "Add note" }).click();
  const borisNote = boris.page.getByTestId("team-note").filter({ hasText: note });
  await expect(borisNote).toBeVisible({ timeout: LIVE_MS });
  await expect(borisNote.getByText(`@ ${borisName}`)).toBeVisible();
  await expectAccessible(boris.page);

  // Boris is deactivated: his chat goes back to the pool, in the admin's tab.
  const deactivated = await admin.request.patch(`/api/admin/users/${boris.id}`, { data: { active: false } });
  expect(deactivated.ok()).toBe(true);
  await expect(controls(admin).getByLabel("Owner")).toHaveValue("", { timeout: LIVE_MS });
  await expect(admin.getByTestId("team-trail").getByText(/returned the chat to the pool/)).toBeVisible({ timeout: LIVE_MS });
  await boris.context.close();
});

test("the team's controls at 390 px, in Russian, by keyboard: take a chat with i, and n opens the next chat of the queue", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  await signIn(page, DEMO_ADMIN);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.context().addCookies([{ name: "seller-inbox-locale", value: "ru", url: baseURL! }]);
  const accountId = await firstAccountId(page);
  const queue = (await (await page.request.get(`/api/accounts/${accountId}/queue?view=unassigned&kind=buyer&limit=5`)).json()) as { chats: ApiChat[] };
  const chat = queue.chats[0]!;
  await page.goto(`/inbox/${chat.id}?account=${accountId}`);
  const controls = page.getByTestId("team-controls");
  await expect(controls).toBeVisible();
  await expect(controls.getByRole("button", { name: "Взять себе" })).toBeVisible();
  await page.getByRole("region", { name: /Messages|Сообщения/ }).focus();
  await page.keyboard.press("i");
  const me = ((await (await page.request.get(`/api/accounts/${accountId}/agents`)).json()) as { agents: { id: string; name: string }[] }).agents;
  await expect(controls.locator("select")).not.toHaveValue("", { timeout: LIVE_MS });
  expect(me.map((a) => a.id)).toContain(await controls.locator("select").inputValue());
  // Nothing of the controls runs off a phone's screen.
  const box = await controls.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await page.keyboard.press("n");
  await page.waitForURL((url) => url.pathname.startsWith("/inbox/") && !url.pathname.includes(chat.id));
  await expectAccessible(page);
});
