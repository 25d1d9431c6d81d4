import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ADMIN, DEMO_AGENT, emulatorState, signIn } from "./support";

// A page of another origin on the same host (another port): same site, so SameSite=Lax cookies go with its requests.
let attacker: http.Server;
let attackerUrl: string;
const pages = new Map<string, string>();

// The first page of a freshly started production server takes a while on a busy machine.
test.describe.configure({ timeout: 90_000 });

test.beforeAll(async () => {
  attacker = http.createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? "/", "http://x").pathname);
    if (!html) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  attacker.closeAllConnections();
  await new Promise((resolve) => attacker.close(resolve));
});

function appUrl(page: Page): string {
  return new URL(page.url()).origin;
}

async function userEmails(page: Page): Promise<string[]> {
  const response = await page.request.get("/api/admin/users");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { users: { email: string }[] }).users.map((user) => user.email);
}

test("a page on another port cannot make a signed-in admin create an admin, by no-cors fetch or by form", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  const app = appUrl(page);
  const mallory = { name: "Mallory", email: "mallory@evil.test", password: "mallory-password-1", role: "ADMIN" };
  pages.set(
    "/fetch",
    `<!doctype html><title>waiting</title><script>
      fetch(${JSON.stringify(`${app}/api/admin/users`)}, { method: "POST", mode: "no-cors", credentials: "include",
        headers: { "content-type": "text/plain" }, body: ${JSON.stringify(JSON.stringify(mallory))} })
        .then(() => { document.title = "sent"; }, () => { document.title = "failed"; });
    </script>`,
  );
  // A text/plain form whose one field makes the body {"name":...,"x":"="}: valid JSON to a lax reader.
  const field = JSON.stringify({ ...mallory, email: "mallory2@evil.test" }).slice(0, -1) + ',"x":"';
  pages.set(
    "/form",
    `<!doctype html><form method="post" enctype="text/plain" action="${app}/api/admin/users">
      <input type="hidden" name='${field}' value='"}'></form><script>document.forms[0].submit();</script>`,
  );

  await page.goto(`${attackerUrl}/fetch`);
  await expect(page).toHaveTitle("sent");
  const answer = page.waitForResponse((response) => response.url() === `${app}/api/admin/users` && response.request().method() === "POST");
  await page.goto(`${attackerUrl}/form`);
  expect((await answer).status()).toBe(403);
  await expect(page.locator("body")).toContainText("another site");

  await page.goto("/inbox");
  const emails = await userEmails(page);
  expect(emails).not.toContain("mallory@evil.test");
  expect(emails).not.toContain("mallory2@evil.test");
});

test("a page on another port cannot make a signed-in agent send a buyer a message with a plain form", async ({ page }) => {
  await signIn(page, DEMO_AGENT);
  const app = appUrl(page);
  const accounts = (await (await page.request.get("/api/accounts")).json()) as { accounts: { id: string }[] };
  const accountId = accounts.accounts[0]!.id;
  const chats = (await (await page.request.get(`/api/accounts/${accountId}/chats?kind=buyer&filter=all`)).json()) as { chats: { id: string }[] };
  const chatId = chats.chats[0]!.id;
  const before = (await emulatorState(page.request)).chats;
  const messagesUrl = `${app}/api/accounts/${accountId}/chats/${chatId}/messages`;
  pages.set(
    "/send",
    `<!doctype html><form method="post" enctype="text/plain" action="${messagesUrl}">
      <input type="hidden" name='{"text":"Pay at evil.example","x":"' value='"}'></form><script>document.forms[0].submit();</script>`,
  );
  const answer = page.waitForResponse((response) => response.url() === messagesUrl && response.request().method() === "POST");
  await page.goto(`${attackerUrl}/send`);
  expect((await answer).status()).toBe(403);
  const after = (await emulatorState(page.request)).chats;
  expect(JSON.stringify(after)).not.toContain("Pay at evil.example");
  expect(after.length).toBe(before.length);
});

test("sign-in goes only to a path of this app, whatever callbackUrl says", async ({ page }) => {
  test.setTimeout(120_000);
  const offSite: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.hostname !== "127.0.0.1") offSite.push(request.url());
  });
  for (const destination of ["//evil.example/x", "/\\evil.example/x", "/%2F%2Fevil.example/x", "https://evil.example/x"]) {
    await page.goto("/sign-in");
    const origin = new URL(page.url()).origin;
    const callbackUrl = destination.startsWith("https:") ? destination : `${origin}${destination}`;
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel("Email").fill(DEMO_AGENT.email);
    await page.getByLabel("Password").fill(DEMO_AGENT.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("navigation", { name: /^(Main|Основное)$/ })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(origin);
    expect(new URL(page.url()).pathname).not.toContain("evil.example");
    await page.context().clearCookies();
  }
  expect(offSite).toEqual([]);
});

test("the sign-in page shows only its own words, never ?error= text", async ({ page }) => {
  const planted = "Your account is suspended. Call +1 555 0100 to restore it.";
  await page.goto(`/sign-in?error=${encodeURIComponent(planted)}`);
  const alert = page.locator("form").getByRole("alert");
  await expect(alert).toHaveText(/^Signing in did not work/);
  await expect(page.locator("body")).not.toContainText("suspended");
  await page.goto("/sign-in?error=CredentialsSignin");
  await expect(alert).toHaveText("The email or the password is wrong.");
});

test("every answer carries the security headers; the app runs under its CSP and nobody can frame it", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(error.message));
  const signInPage = await page.goto("/sign-in");
  const scripts: string[] = [];
  page.on("response", (response) => {
    if (response.url().includes("/_next/static/")) scripts.push(response.url());
  });
  for (const response of [signInPage!, await page.request.get("/api/health"), await page.request.post("/api/setup", { data: {} })]) {
    const headers = response.headers();
    expect(headers["content-security-policy"], response.url()).toMatch(/frame-ancestors 'none'/);
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    // Served over http here: no HSTS (it is sent when the request came over https).
    expect(headers["strict-transport-security"]).toBeUndefined();
  }
  const csp = signInPage!.headers()["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  // Every script the server wrote carries this answer's nonce (scripts those load need none: 'strict-dynamic').
  const scriptTags = (await signInPage!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(0);
  expect(scriptTags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);

  // The app works under it: signing in, the inbox with its live stream.
  await signIn(page, DEMO_ADMIN);
  await expect(page.getByRole("link").first()).toBeVisible();
  const https = await page.request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
  const asset = scripts[0] ? await page.request.get(scripts[0]) : null;
  if (asset) expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
  expect(violations).toEqual([]);

  // Another origin frames the signed-in settings page: the browser refuses to show it.
  const app = appUrl(page);
  pages.set(
    "/frame",
    `<!doctype html><title>framing</title><iframe src="${app}/settings/agents" onload="document.title='loaded'"></iframe>`,
  );
  await page.goto(`${attackerUrl}/frame`);
  await expect(page).toHaveTitle("loaded");
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
  expect(frame).toBeDefined();
  // The browser shows its own error page in the frame, never the app.
  expect(frame!.url()).not.toContain("/settings/agents");
  expect(await frame!.locator("body").innerText().catch(() => "")).not.toMatch(/Agents|Seller Inbox|Sign in/);
});

test("signing out ends the session on the server: other tabs go to sign-in, a copied cookie stops working", async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await signIn(first, DEMO_ADMIN);
  const second = await context.newPage();
  await second.goto("/inbox");
  await expect(second.getByRole("navigation", { name: /^(Main|Основное)$/ })).toBeVisible();
  const copied = await context.cookies();
  expect(copied.some((cookie) => cookie.name.endsWith("next-auth.session-token"))).toBe(true);

  await first.getByRole("button", { name: "Sign out" }).click();
  await first.waitForURL(/\/sign-in/);
  // The other tab notices by itself (its live stream ends; the reconnect is refused; it goes to sign-in).
  await second.waitForURL(/\/sign-in/, { timeout: 20_000 });

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const answer = await thief.request.get(`${appUrl(first)}/api/accounts`);
  expect(answer.status()).toBe(401);
  await thief.close();
  await context.close();
});
