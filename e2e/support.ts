import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const emulatorUrl = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 8790}`;
export const DEMO_ADMIN = { email: "admin@demo.local", password: "demo-password" };
export const DEMO_AGENT = { email: "agent@demo.local", password: "demo-password" };

export type EmulatorChat = { chat_id: string; unread_count: number; chat_type: string };

export async function emulatorState(request: APIRequestContext): Promise<{ chats: EmulatorChat[] }> {
  const response = await request.get(`${emulatorUrl}/__emulator/state?client_id=demo-client`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as { chats: EmulatorChat[] };
}

export async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Signed in once the app has left the sign-in page and shows its header.
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  // (On a phone the navigation waits behind the header's Menu button: the header is what is always there.)
  await expect(page.getByRole("banner")).toBeVisible();
}

/** No serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
}
