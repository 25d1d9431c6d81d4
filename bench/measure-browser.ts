/**
 * In Debian's Chromium: navigation to the chat list (cold context, then warm), click → messages, scrolling up
 * through a long chat with long tasks counted, the first-load JavaScript of /inbox, and Lighthouse's score.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@/lib/testing/chromium";
import { summarize, type Summary } from "./stats";

const CHROMIUM = CHROMIUM_PATH;
const FLAGS = CHROMIUM_ARGS;

// Records when the first chat link enters the page (ms since navigation start), before any app script runs.
const LIST_WATCH = `
  window.__listVisibleAt = null;
  new MutationObserver((_, observer) => {
    if (document.querySelector("a[data-chat-link]")) { window.__listVisibleAt = performance.now(); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
  window.__longTasks = [];
  try { new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: "longtask", buffered: true }); } catch {}
`;

// The in-page scripts are plain text: tsx's compiled functions would call helpers the page does not have.
/** Clicks the index-th chat link; resolves with the ms until that chat's first message is in the thread. */
const CLICK_TO_MESSAGES = `async (index) => {
  const link = document.querySelectorAll("a[data-chat-link]")[index];
  const chatPath = new URL(link.href).pathname;
  const region = () => document.querySelector('[role="region"][aria-label="Messages"]');
  const old = region()?.querySelector("article") ?? null;
  const started = performance.now();
  link.click();
  return new Promise((resolve, reject) => {
    const check = () => {
      const article = region()?.querySelector("article");
      if (location.pathname === chatPath && article && article !== old) {
        const ms = performance.now() - started;
        // What the click waited for: each request it started, by kind, with when it began and how long it took.
        let pageSeen = false;
        const requests = performance.getEntriesByType("resource")
          .filter((e) => e.startTime >= started && e.startTime <= started + ms)
          .sort((a, b) => a.startTime - b.startTime)
          .map((e) => {
            const url = new URL(e.name);
            // The first RSC request is the chat's page; later ones are Next's prefetches of other links.
            const rsc = url.searchParams.has("_rsc") ? (pageSeen ? "RSC prefetch" : "page (RSC)") : null;
            if (rsc) pageSeen = true;
            const kind = rsc ? rsc : url.pathname.endsWith("/messages") ? "messages API" : url.pathname.endsWith("/read") ? "read API" : url.pathname.replace(/[a-z0-9]{20,}/g, ":id");
            return { kind, startMs: e.startTime - started, durationMs: e.duration };
          });
        return resolve({ ms, requests });
      }
      if (performance.now() - started > 15000) return reject(new Error("no messages for " + chatPath));
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}`;

/** Scrolls the thread to its top until `target` messages are shown (or the start of the chat); counts long tasks. */
const SCROLL_UP = `async (target) => {
  const region = document.querySelector('[role="region"][aria-label="Messages"]');
  const count = () => region.querySelectorAll("article").length;
  const tasksBefore = window.__longTasks.length;
  const started = performance.now();
  let pages = 0;
  while (count() < target) {
    const before = count();
    region.scrollTop = 0;
    const waitStart = performance.now();
    while (count() === before && performance.now() - waitStart < 15000) {
      await new Promise((resolve) => setTimeout(resolve, 16));
      if (performance.now() - waitStart > 500) region.dispatchEvent(new Event("scroll"));
    }
    if (count() === before) break;
    pages++;
  }
  const tasks = window.__longTasks.slice(tasksBefore);
  const messageRequests = performance.getEntriesByType("resource").filter((e) => e.startTime >= started && new URL(e.name).pathname.endsWith("/messages")).length;
  return {
    messageRequests,
    messages: count(),
    ms: performance.now() - started,
    pages,
    longTasks: tasks.length,
    longTaskMs: tasks.reduce((a, b) => a + b, 0),
    longestTaskMs: tasks.reduce((a, b) => Math.max(a, b), 0),
    taskMs: tasks.map((d) => Math.round(d)),
  };
}`;

type ClickTiming = { ms: number; requests: { kind: string; startMs: number; durationMs: number }[] };

export type BrowserFigures = {
  /** Per kind of request a click started: how many clicks had it, median start after the click and median duration. */
  clickRequests: Record<string, { count: number; startMedianMs: number; durationMedianMs: number }>;
  navCold: Summary;
  navWarm: Summary;
  click: Summary;
  /** messageRequests: messages API requests made while scrolling (a page each, plus refetches of loaded pages). */
  /** taskMs: each long task's duration, in order (growing with the messages shown means re-rendering them all). */
  scroll: { taskMs: number[]; messageRequests: number; messages: number; ms: number; pages: number; longTasks: number; longTaskMs: number; longestTaskMs: number };
  /** What the HTML asks for; `later`: what the page loaded by itself afterwards (on idle, on use). */
  firstLoadJs: {
    gzipBytes: number;
    rawBytes: number;
    files: { url: string; gzipBytes: number }[];
    later: { gzipBytes: number; files: { url: string; gzipBytes: number }[] };
  };
  lighthouse: { desktop: Summary; mobile: Summary; desktopRuns: number[]; mobileRuns: number[] };
  /** The same for a chat's page (a typical buyer chat, opened by its URL). */
  lighthouseChat: { desktop: Summary; mobile: Summary; desktopRuns: number[]; mobileRuns: number[] };
  chromium: string;
};

async function signedInContext(browser: Browser, appUrl: string, cookie: string): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1366, height: 900 } });
  const [name, ...value] = cookie.split("=");
  await context.addCookies([{ name: name!, value: value.join("="), url: appUrl }]);
  await context.addInitScript(LIST_WATCH);
  return context;
}

async function navigationToList(context: BrowserContext, url: string): Promise<number> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url, { waitUntil: "commit" });
  // Functions, not strings: Playwright evaluates a string predicate with eval inside the page, which the app's CSP
  // refuses (no 'unsafe-eval').
  // Each function is sent to the page on its own (no closure), so each reads the window itself.
  await page.waitForFunction(() => (window as unknown as { __listVisibleAt: number | null }).__listVisibleAt !== null, null, { timeout: 30_000 });
  return (await page.evaluate(() => (window as unknown as { __listVisibleAt: number | null }).__listVisibleAt))!;
}

export async function measureBrowser(options: {
  appUrl: string;
  accountId: string;
  cookie: string;
  longChatId: string;
  /** A typical buyer chat: Lighthouse's chat page. */
  chatId: string;
  longChatMessages: number;
  navRuns: number;
  clicks: number;
  lighthouseRuns: number;
  log: (line: string) => void;
}): Promise<BrowserFigures> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const inbox = `${options.appUrl}/inbox?account=${encodeURIComponent(options.accountId)}`;
  try {
    // Cold: a new context each time (empty HTTP cache); warm: the same context navigated again.
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < options.navRuns + 1; i++) {
      const context = await signedInContext(browser, options.appUrl, options.cookie);
      const c = await navigationToList(context, inbox);
      const w = await navigationToList(context, inbox);
      await context.close();
      if (i === 0) continue; // the server's own first render of the route
      cold.push(c);
      warm.push(w);
    }
    options.log(`  navigation: cold p95 ${summarize(cold).p95.toFixed(0)} ms, warm p95 ${summarize(warm).p95.toFixed(0)} ms`);

    const context = await signedInContext(browser, options.appUrl, options.cookie);
    const page = await context.newPage();
    await navigationToList(context, inbox);
    const clicks: number[] = [];
    const clickRequests: Record<string, { start: number[]; duration: number[] }> = {};
    const linkCount = await page.locator("a[data-chat-link]").count();
    // Each click opens a chat not opened before in this page (its messages not in the page's query cache): after
    // a round of the listed chats, the page is loaded again.
    const round = Math.min(linkCount, 30);
    for (let i = 0; i < options.clicks + 3; i++) {
      if (i > 0 && i % round === 0) await navigationToList(context, inbox);
      const click = await page.evaluate<ClickTiming>(`(${CLICK_TO_MESSAGES})(${i % round})`);
      if (i < 3) continue;
      clicks.push(click.ms);
      for (const r of click.requests) {
        const seen = (clickRequests[r.kind] ??= { start: [], duration: [] });
        seen.start.push(r.startMs);
        seen.duration.push(r.durationMs);
      }
    }
    options.log(`  click → messages: p95 ${summarize(clicks).p95.toFixed(0)} ms over ${clicks.length}`);
    for (const [kind, r] of Object.entries(clickRequests)) {
      options.log(`    ${kind}: ${r.start.length}×, starts +${summarize(r.start).median.toFixed(0)} ms, takes ${summarize(r.duration).median.toFixed(0)} ms (medians)`);
    }

    await page.goto(`${options.appUrl}/inbox/${encodeURIComponent(options.longChatId)}?account=${encodeURIComponent(options.accountId)}`);
    await page.locator('[role="region"][aria-label="Messages"] article').first().waitFor();
    await page.waitForTimeout(500);
    const scroll = await page.evaluate<BrowserFigures["scroll"]>(`(${SCROLL_UP})(${options.longChatMessages})`);
    options.log(`  scroll: ${scroll.messages} messages in ${scroll.ms.toFixed(0)} ms, ${scroll.longTasks} long tasks`);
    await context.close();

    const firstLoadJs = await measureFirstLoadJs(browser, options.appUrl, options.cookie, inbox);
    options.log(`  first-load JS: ${(firstLoadJs.gzipBytes / 1024).toFixed(1)} KB gz (${firstLoadJs.files.length} files); loaded later by the page: ${(firstLoadJs.later.gzipBytes / 1024).toFixed(1)} KB gz (${firstLoadJs.later.files.length} files)`);
    const chatPage = `${options.appUrl}/inbox/${encodeURIComponent(options.chatId)}?account=${encodeURIComponent(options.accountId)}`;
    // A run Lighthouse cannot finish is reported and left out (the other figures of the run are kept).
    const score = (url: string, what: string, desktop: boolean) =>
      lighthouseScore(url, options.cookie, desktop).then(
        ({ score, metrics, report }) => {
          // Which of Lighthouse's metrics cost the score (its weights: TBT 30, LCP 25, CLS 25, FCP 10, SI 10); the
          // whole report (which element shifted, which script blocked) beside the bench's results.
          const file = path.join("bench", "results", `lighthouse-${what}-${desktop ? "desktop" : "mobile"}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
          writeFileSync(file, report);
          options.log(`  lighthouse ${what} ${desktop ? "desktop" : "mobile"} ${score}: ${metrics} (${file})`);
          return score;
        },
        (error: unknown) => {
          options.log(`  lighthouse ${what} (${desktop ? "desktop" : "mobile"}) failed: ${String(error).slice(0, 400)}`);
          return null;
        },
      );
    const runs = async (url: string, what: string) => {
      const desktopRuns: number[] = [];
      const mobileRuns: number[] = [];
      for (let i = 0; i < options.lighthouseRuns; i++) {
        const desktop = await score(url, what, true);
        if (desktop !== null) desktopRuns.push(desktop);
        const mobile = await score(url, what, false);
        if (mobile !== null) mobileRuns.push(mobile);
      }
      options.log(`  lighthouse ${what}: desktop ${desktopRuns.join(", ")}; mobile ${mobileRuns.join(", ")}`);
      return { desktop: summarize(desktopRuns), mobile: summarize(mobileRuns), desktopRuns, mobileRuns };
    };
    const lighthouse = await runs(inbox, "inbox");
    const lighthouseChat = await runs(chatPage, "chat");
    return {
      navCold: summarize(cold),
      navWarm: summarize(warm),
      click: summarize(clicks),
      clickRequests: Object.fromEntries(
        Object.entries(clickRequests).map(([kind, r]) => [kind, { count: r.start.length, startMedianMs: summarize(r.start).median, durationMedianMs: summarize(r.duration).median }]),
      ),
      scroll,
      firstLoadJs,
      lighthouse,
      lighthouseChat,
      chromium: browser.version(),
    };
  } finally {
    await browser.close();
  }
}

/** Every script /inbox loads until the network is idle, each gzip-compressed (level 9, as a server would send it). */
/**
 * The JavaScript the page's HTML names (its script tags and preloads, and the chunks its inline RSC payload names for
 * hydration: what the browser must fetch and run before the page works, Next's "First Load JS"), and apart from it what the page loads later by itself (a chunk
 * imported on use or when the browser is idle), until the network is quiet.
 */
async function measureFirstLoadJs(browser: Browser, appUrl: string, cookie: string, url: string) {
  const context = await signedInContext(browser, appUrl, cookie);
  const page = await context.newPage();
  const scripts: Promise<{ url: string; raw: number; gzipBytes: number }>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.push(
      response.body().then((body) => ({ url: new URL(response.url()).pathname, raw: body.length, gzipBytes: gzipSync(body, { level: 9 }).length })),
    );
  });
  const documentResponse = await page.goto(url, { waitUntil: "networkidle" });
  const html = (await documentResponse?.text()) ?? "";
  // Script tags, preloads, and the client components' chunks the inline RSC payload names (hydration needs them).
  const named = new Set([...html.matchAll(/\/_next\/static\/[^"'\\\s]+?\.js/g)].map((match) => match[0]));
  const files = await Promise.all(scripts);
  await context.close();
  files.sort((a, b) => b.gzipBytes - a.gzipBytes);
  const first = files.filter((f) => named.has(f.url));
  const later = files.filter((f) => !named.has(f.url));
  return {
    gzipBytes: first.reduce((sum, f) => sum + f.gzipBytes, 0),
    rawBytes: first.reduce((sum, f) => sum + f.raw, 0),
    files: first.map(({ url: u, gzipBytes }) => ({ url: u, gzipBytes })),
    later: { gzipBytes: later.reduce((sum, f) => sum + f.gzipBytes, 0), files: later.map(({ url: u, gzipBytes }) => ({ url: u, gzipBytes })) },
  };
}

const LIGHTHOUSE_METRICS = [
  ["FCP", "first-contentful-paint"],
  ["LCP", "largest-contentful-paint"],
  ["TBT", "total-blocking-time"],
  ["CLS", "cumulative-layout-shift"],
  ["SI", "speed-index"],
] as const;

/** A Lighthouse run's performance score, and its metrics as one line. */
function lighthouseScore(url: string, cookie: string, desktop: boolean): Promise<{ score: number; metrics: string; report: string }> {
  const args = [
    url,
    `--chrome-path=${CHROMIUM}`,
    `--chrome-flags=--headless=new ${FLAGS.join(" ")}`,
    "--only-categories=performance",
    "--output=json",
    "--output-path=stdout",
    "--quiet",
    `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
    ...(desktop ? ["--preset=desktop"] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["node_modules/lighthouse/cli/index.js", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("exit", (code) => {
      try {
        const report = JSON.parse(out) as {
          categories: { performance: { score: number | null } };
          audits: Record<string, { numericValue?: number; score: number | null }>;
          runtimeError?: { code: string; message: string };
        };
        if (report.categories.performance.score === null) throw new Error(report.runtimeError ? `${report.runtimeError.code}: ${report.runtimeError.message}` : "no score");
        const metrics = LIGHTHOUSE_METRICS.map(([name, id]) => {
          const audit = report.audits[id];
          const value = audit?.numericValue;
          const shown = value === undefined ? "?" : id === "cumulative-layout-shift" ? value.toFixed(3) : `${Math.round(value)} ms`;
          return `${name} ${shown} (${audit?.score === null || audit?.score === undefined ? "?" : Math.round(audit.score * 100)})`;
        }).join(", ");
        resolve({ score: Math.round(report.categories.performance.score * 100), metrics, report: out });
      } catch (error) {
        reject(new Error(`lighthouse exited ${code}: ${error instanceof Error ? error.message : ""} ${err.slice(-500)}`));
      }
    });
  });
}
