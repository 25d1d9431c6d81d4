import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_ADMIN, expectAccessible } from "./support";

type Language = "en" | "ru";

// Words of the shell and the forms: on a Russian page none of them may be a UI text of its own.
const ENGLISH_LABELS = ["Sign out", "Inbox", "Orders", "Settings", "Language", "Seller accounts", "Agents", "Sign in", "Email", "Password", "Cancel"];
const SIGN_IN_LABELS: Record<Language, { email: string; password: string; submit: string }> = {
  en: { email: "Email", password: "Password", submit: "Sign in" },
  ru: { email: "Эл. почта", password: "Пароль", submit: "Войти" },
};
const NAV_LABEL: Record<Language, { inbox: string; settings: string }> = {
  en: { inbox: "Inbox", settings: "Settings" },
  ru: { inbox: "Сообщения", settings: "Настройки" },
};

const appDir = path.join(process.cwd(), "app", "(app)");
/** A dynamic page of a section (e.g. inbox/[chatId]) exists once someone has built it; the list follows the tree. */
function hasDynamicPage(section: string): boolean {
  const dir = path.join(appDir, section);
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { withFileTypes: true }).some(
    (entry) => entry.isDirectory() && entry.name.startsWith("[") && existsSync(path.join(dir, entry.name, "page.tsx")),
  );
}
const hasPage = (section: string) => existsSync(path.join(appDir, section, "page.tsx"));

/** A browser whose language is Russian only by the remembered choice (the cookie), or English by Accept-Language. */
async function contextFor(browser: Browser, language: Language, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "accept-language": language === "en" ? "en" : "en-US,en;q=0.9" } });
  if (language === "ru") await context.addCookies([{ name: "seller-inbox-locale", value: "ru", url: baseURL }]);
  return context;
}

async function signInIn(page: Page, language: Language) {
  const labels = SIGN_IN_LABELS[language];
  await page.goto("/sign-in");
  await page.getByLabel(labels.email, { exact: true }).fill(DEMO_ADMIN.email);
  await page.getByLabel(labels.password, { exact: true }).fill(DEMO_ADMIN.password);
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/inbox/);
}

async function expectLanguage(page: Page, language: Language) {
  await expect(page.locator("html")).toHaveAttribute("lang", language);
  if (language === "ru") {
    for (const label of ENGLISH_LABELS) {
      await expect(page.getByText(label, { exact: true }), `"${label}" on a Russian page`).toHaveCount(0);
      await expect(page.getByRole("button", { name: label, exact: true }), `button "${label}" on a Russian page`).toHaveCount(0);
      await expect(page.getByRole("link", { name: label, exact: true }), `link "${label}" on a Russian page`).toHaveCount(0);
    }
  }
}

/** The signed-in pages that exist now, with a real chat and posting for the pages of one. */
async function signedInPages(page: Page): Promise<string[]> {
  const pages = ["/inbox"];
  const { accounts } = (await (await page.request.get("/api/accounts")).json()) as { accounts: { id: string }[] };
  const accountId = accounts[0]?.id;
  if (accountId && hasDynamicPage("inbox")) {
    const { chats } = (await (await page.request.get(`/api/accounts/${accountId}/chats?kind=buyer&limit=1`)).json()) as { chats: { id: string }[] };
    if (chats[0]) pages.push(`/inbox/${chats[0].id}`);
  }
  if (hasPage("orders")) pages.push("/orders");
  if (accountId && hasDynamicPage("orders")) {
    const response = await page.request.get(`/api/accounts/${accountId}/postings`);
    const { postings } = (await response.json()) as { postings?: { postingNumber: string }[] };
    if (postings?.[0]) pages.push(`/orders/${encodeURIComponent(postings[0].postingNumber)}`);
  }
  pages.push("/settings/accounts", "/settings/agents");
  return pages;
}

const screenshotName = (route: string, language: Language) =>
  `${route.replace(/^\//, "").replace(/[^a-z0-9]+/gi, "-") || "home"}-${language}.png`;

for (const language of ["en", "ru"] as const) {
  test(`every page renders in ${language === "en" ? "English (Accept-Language)" : "Russian (remembered choice)"}`, async ({ browser, baseURL }, testInfo) => {
    test.setTimeout(120_000);
    const context = await contextFor(browser, language, baseURL!);
    try {
      const page = await context.newPage();
      await page.goto("/sign-in");
      await expectLanguage(page, language);
      await expect(page.getByRole("button", { name: SIGN_IN_LABELS[language].submit, exact: true })).toBeVisible();
      await expectAccessible(page);
      await page.screenshot({ path: testInfo.outputPath(screenshotName("/sign-in", language)), fullPage: true });

      await signInIn(page, language);
      const routes = await signedInPages(page);
      for (const route of routes) {
        await page.goto(route);
        await expect(page).toHaveURL(new RegExp(`${route.split("?")[0]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
        const nav = page.getByRole("navigation").first();
        await expect(nav.getByRole("link", { name: NAV_LABEL[language].inbox, exact: true })).toBeVisible();
        await expect(nav.getByRole("link", { name: NAV_LABEL[language].settings, exact: true })).toBeVisible();
        await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
        await expectLanguage(page, language);
        // The settings pages are checked for accessibility here in both languages; other pages by their own specs.
        if (route.startsWith("/settings")) await expectAccessible(page);
        await page.screenshot({ path: testInfo.outputPath(screenshotName(route, language)), fullPage: true });
      }
    } finally {
      await context.close();
    }
  });
}

test("the language switch changes the language and remembers it across a reload", async ({ browser, baseURL }) => {
  const context = await contextFor(browser, "en", baseURL!);
  try {
    const page = await context.newPage();
    await signInIn(page, "en");
    await page.goto("/settings/accounts");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    await page.getByRole("combobox", { name: "Language", exact: true }).selectOption("ru");
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(page.getByRole("heading", { level: 1, name: "Настройки" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Язык", exact: true })).toHaveValue("ru");

    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expectLanguage(page, "ru");
    await expect(page.getByRole("link", { name: "Аккаунты продавца" })).toBeVisible();

    await page.getByRole("combobox", { name: "Язык", exact: true }).selectOption("en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  } finally {
    await context.close();
  }
});
