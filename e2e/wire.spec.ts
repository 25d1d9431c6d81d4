import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const emulatorUrl = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 8790}`;

type EmulatorState = { chats: { chat_id: string; unread_count: number }[] };

test("the first page lists the demo seller's chats, read from the emulator through the server", async ({ page, request }, testInfo) => {
  const state = (await (await request.get(`${emulatorUrl}/__emulator/state?client_id=demo-client`)).json()) as EmulatorState;
  const emulatorUnread = state.chats.reduce((sum, chat) => sum + chat.unread_count, 0);
  expect(emulatorUnread).toBeGreaterThan(0);

  await page.goto("/");
  const chats = page.getByRole("navigation", { name: "Chats" });
  await expect(chats).toBeVisible();
  await expect(chats.getByRole("listitem")).toHaveCount(Math.min(30, state.chats.length));
  await expect(page.getByTestId("total-unread")).toHaveText(String(emulatorUnread));
  await expect(chats.getByLabel(/^\d+ unread$/).first()).toBeVisible();

  await page.screenshot({ path: testInfo.outputPath("first-page.png"), fullPage: true });

  const accessibility = await new AxeBuilder({ page }).analyze();
  const serious = accessibility.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
});

test("the browser never sees the seller's API key", async ({ page }) => {
  const bodies: string[] = [];
  page.on("response", async (response) => {
    bodies.push(await response.text().catch(() => ""));
  });
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Chats" })).toBeVisible();
  expect(bodies.join("\n")).not.toContain("demo-api-key");
  expect(await page.content()).not.toContain("demo-api-key");
});
