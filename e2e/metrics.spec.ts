import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ADMIN, DEMO_AGENT, expectAccessible, signIn } from "./support";

// Signs in, waits for the demo import, reads Ozon's emulator and runs axe: room on a shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

async function useLocale(page: Page, locale: "en" | "ru") {
  await page.context().addCookies([{ name: "seller-inbox-locale", value: locale, url: page.url() }]);
  await page.reload();
}

/** The demo shop is imported in the background: reload until the seller portal's replies are in the table. */
async function waitForImportedFigures(page: Page, portalRow: string) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("rowheader", { name: portalRow })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000 });
}

test("an administrator sees Ozon's rating beside ours, the charts and the agent table, and exports it as CSV, in both languages", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Metrics" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Metrics" })).toBeVisible();
  await waitForImportedFigures(page, "Ozon seller portal (no agent)");

  const ozon = page.getByRole("region", { name: "Ozon's rating beside ours" });
  await expect(ozon.getByRole("columnheader", { name: "Ozon", exact: true })).toBeVisible();
  await expect(ozon.getByRole("columnheader", { name: "Ours" })).toBeVisible();
  for (const rating of ["First response time", "Average response time", "Answered within 24 h"]) {
    const row = ozon.getByRole("row", { name: new RegExp(rating) });
    // both columns hold a value (Ozon's from /v1/rating/summary, ours from the cache)
    await expect(row.getByRole("cell").nth(0)).toHaveText(/\d/);
    await expect(row.getByRole("cell").nth(1)).toHaveText(/\d/);
  }
  await expect(page.getByRole("figure", { name: "Load (buyer messages)" }).first()).toBeVisible();
  // Product questions and reviews beside the chats: the demo's seeded questions, some answered by the seller.
  const feedback = page.getByRole("region", { name: "Product questions and reviews" });
  await expect(feedback.getByText("Median time to answer a question")).toBeVisible();
  await expect(feedback.getByText(/^[1-9]\d* of [1-9]\d*$/).first()).toBeVisible();
  await expectAccessible(page);

  // CSV of the table
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^metrics-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  expect(csv.split("\r\n")[0]).toBe(
    "Agent,Waits answered,First response (s),Average response (s),Median response (s),Answered within 24 h (%),Chats handled,Messages sent",
  );
  expect(csv).toContain("Ozon seller portal (no agent)");

  // another range
  await page.getByText("7 days", { exact: true }).click();
  await expect(page.getByRole("radio", { name: "7 days" })).toBeChecked();

  await useLocale(page, "ru");
  await expect(page.getByRole("heading", { level: 1, name: "Показатели" })).toBeVisible();
  const ozonRu = page.getByRole("region", { name: "Рейтинг Ozon рядом с нашими цифрами" });
  await expect(ozonRu.getByRole("columnheader", { name: "Наш расчёт" })).toBeVisible();
  await expect(ozonRu.getByRole("row", { name: /Время первого ответа/ }).getByRole("cell").nth(0)).toHaveText(/\d/);
  await expect(page.getByRole("rowheader", { name: "Кабинет продавца Ozon (без агента)" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Вопросы о товарах и отзывы" }).getByText("Медианное время ответа на вопрос")).toBeVisible();
  await expectAccessible(page);
  const [ruDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Выгрузить CSV" }).click()]);
  const ruCsv = (await readFile((await ruDownload.path())!, "utf8")).replace(/^\uFEFF/, "");
  expect(ruCsv.split("\r\n")[0]!.startsWith("Агент,")).toBe(true);
});

test("an agent sees only their own figures: no Ozon rating, no other rows, no nav link", async ({ page }) => {
  await signIn(page, DEMO_AGENT);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Metrics" })).toHaveCount(0);
  await page.goto("/metrics");
  await expect(page.getByRole("heading", { level: 1, name: "Metrics" })).toBeVisible();
  await expect(page.getByText("Your own figures")).toBeVisible();
  await expect(page.getByRole("region", { name: "Ozon's rating beside ours" })).toHaveCount(0);
  await expect(page.getByRole("rowheader", { name: "Ozon seller portal (no agent)" })).toHaveCount(0);
  await expectAccessible(page);
});

test("the page fits a phone (390 px) and is usable by keyboard", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  // On a phone the header's links are behind its menu: sign in wide, then narrow the window.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/metrics");
  await expect(page.getByRole("heading", { level: 1, name: "Metrics" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible();
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await expect(page.getByRole("figure", { name: "Load (buyer messages)" }).first()).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  // Russian labels are longer (the charts' hidden tables once widened the page by 10 px).
  await useLocale(page, "ru");
  await expect(page.getByRole("figure", { name: "Нагрузка (сообщения покупателей)" }).first()).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await useLocale(page, "en");
  // the range is chosen with the keyboard: the radio group moves with arrow keys
  await page.getByRole("radio", { name: "30 days" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Custom" })).toBeChecked();
  await expect(page.getByLabel("From")).toBeVisible();
  await expectAccessible(page);
});
