/**
 * Push → visible (issue 5): the time from the emulator's push (its first attempt's sent_at) to the message's text
 * being in the Messages region of Chromium tabs that have the chat open — in one tab, then in many tabs at once.
 * Messages go one at a time: the next is sent `gapMs` after the previous one is visible in every tab (or timed out),
 * so each figure is a message's own latency, not a queue behind the previous ones. Each tab is a browser context of
 * its own, signed in as its own user: one profile opens at most 6 HTTP/1.1 connections to a host, and every tab
 * holds one open for its event stream, so 50 tabs of one context would starve (as 50 agents would not).
 * The stages come from the app's database: push_events.received_at (the receiver stored it) and
 * live_events.created_at (the processor published it), all on this machine's clock.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import type { Db } from "@/lib/db/client";
import { issuePushToken } from "@/lib/push/issue-push-token";
import { INBOX_CHOICE_COOKIES } from "@/lib/team/inbox-choices";
import { snapshotChats, waitForPushQueue } from "./chat-snapshot";
import { emulatorCall, pushToApp, stopPushes } from "./emulator-call";
import { appRssMb } from "./processes";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@/lib/testing/chromium";
import { summarize, type Summary } from "./stats";

const CHROMIUM = CHROMIUM_PATH;
// measure-browser.ts's flags, plus no throttling of tabs Chromium thinks are in the background: each tab stands for
// an agent looking at their own screen.
const FLAGS = [
  ...CHROMIUM_ARGS,
  "--disable-background-timer-throttling",
  "--disable-renderer-backgrounding",
  "--disable-backgrounding-occluded-windows",
];
const WARMUP = 5;
const VISIBLE_TIMEOUT_MS = 10_000;

/** Where a tab watches for the new message: the open chat's thread, or the chat list (the chat's preview). */
export type PushView = "chat" | "list";
const WATCHED: Record<PushView, string> = { chat: '[role="region"][aria-label="Messages"]', list: 'nav[aria-label="Chats"]' };

// Installed before the app's scripts: the first moment (Date.now(), the clock sent_at uses) each bench text is in
// the watched element, reported to the bench through an exposed binding (no polling from outside the page).
const seenWatch = (view: PushView) => `
  (() => {
    const seen = new Set();
    const pattern = /pushbench-[a-z0-9]+-[a-z0-9]+-\\d+/g;
    const regionSelector = ${JSON.stringify(WATCHED[view])};
    const look = (node) => {
      const element = node.nodeType === 1 ? node : node.parentElement;
      if (!element) return;
      const region = element.closest(regionSelector) ?? element.querySelector?.(regionSelector);
      if (!region) return;
      const text = region.contains(element) ? node.textContent : region.textContent;
      if (!text || !text.includes("pushbench-")) return;
      const now = Date.now();
      for (const match of text.matchAll(pattern)) {
        if (seen.has(match[0])) continue;
        seen.add(match[0]);
        window.__pushBenchSeen?.(match[0], now);
      }
    };
    // When each text's live event reached the page, before the app handles it (this listener is the first one).
    const arrived = new Set();
    const NativeEventSource = window.EventSource;
    window.EventSource = class extends NativeEventSource {
      constructor(...args) {
        super(...args);
        this.addEventListener("message", (event) => {
          const now = Date.now();
          for (const match of String(event.data).matchAll(pattern)) {
            if (arrived.has(match[0])) continue;
            arrived.add(match[0]);
            window.__pushBenchArrived?.(match[0], now);
          }
        });
      }
    };
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === "characterData") look(record.target);
        for (const node of record.addedNodes) look(node);
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  })();
`;

export type PushSection = {
  tabs: number;
  view: PushView;
  messages: number;
  gapMs: number;
  /** Per message: push → visible in every tab (the slowest tab). */
  visible: Summary;
  /** Per message and tab. */
  perTab: Summary;
  /** Message × tab pairs never seen within the timeout. */
  missing: number;
  stages: {
    /** sent_at → push_events.received_at: the HTTP delivery and the receiver's INSERT. */
    receive: Summary;
    /** received_at → live_events.created_at: claim, apply to the cache, publish. */
    process: Summary;
    /** Per message and tab: created_at → the event in the page (the bus, the SSE stream, the tab's event loop). */
    stream: Summary;
    /** Per message and tab: the event in the page → visible (the app's handling and React's render). */
    render: Summary;
    /** created_at → visible in the first tab. */
    deliverFirst: Summary;
    /** created_at → visible in every tab. */
    deliverAll: Summary;
  };
  /** POST …/read the tabs made while the messages came (an open chat marks each new message read). */
  readRequests: number;
  memory: { appIdleMb: number; appPeakMb: number; chromiumMb: number };
};

export type PushFigures = { oneTab: PushSection; manyTabs: PushSection | null };

type Options = {
  appUrl: string;
  emulatorUrl: string;
  databaseUrl: string;
  db: Db;
  accountId: string;
  /** The app's chat id and Ozon's (a buyer chat: buyer messages go to it). */
  chatId: string;
  ozonChatId: string;
  /** Session cookies: the first for the one tab, one per tab for the many. */
  cookies: string[];
  messages: number;
  manyTabs: number;
  /**
   * The many tabs' view. "list" by default: with the chat open, every tab marks each new message read (a POST …/read,
   * an Ozon call, and a refetch of the messages) — N tabs × every message, which swamps this machine.
   */
  manyTabsView: PushView;
  gapMs: number;
  appPid: number;
  log: (line: string) => void;
};

type PushLog = { pushes: { message_type: string; message_id?: string; attempts: { sent_at: number }[] }[] };

export async function measurePush(options: Options): Promise<PushFigures> {
  const sql = new pg.Client({ connectionString: options.databaseUrl });
  await sql.connect();
  const snapshot = await snapshotChats(sql, [options.chatId], "pushbench-");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    // No retries: a lost push would otherwise show up seconds later as a latency, not as missing.
    await pushToApp({ ...options, issueToken: () => issuePushToken(options.db, options.accountId), retryDelaysMs: [] });
    const oneTab = await measureSection(browser, sql, options, 1, "chat");
    options.log(describe("1 tab", oneTab));
    let manyTabs: PushSection | null = null;
    if (options.manyTabs > 1) {
      manyTabs = await measureSection(browser, sql, options, options.manyTabs, options.manyTabsView);
      options.log(describe(`${options.manyTabs} tabs`, manyTabs));
    }
    return { oneTab, manyTabs };
  } finally {
    await browser.close();
    await stopPushes(options.emulatorUrl);
    // The processor may still hold events for its verification read, which writes the chat: let it finish first.
    await waitForPushQueue(sql, options.accountId, 10_000);
    await snapshot.restore();
    await sql.end();
  }
}

function describe(name: string, s: PushSection): string {
  const f = (x: Summary) => `${x.median.toFixed(0)}/${x.p95.toFixed(0)}/${x.max.toFixed(0)}`;
  return (
    `  push → visible, ${name}: p50/p95/max ${f(s.visible)} ms (per tab ${f(s.perTab)}), missing ${s.missing}; ` +
    `stages p50/p95/max: receive ${f(s.stages.receive)}, process ${f(s.stages.process)}, stream ${f(s.stages.stream)}, render ${f(s.stages.render)}, deliver ${f(s.stages.deliverFirst)} (all tabs ${f(s.stages.deliverAll)}); ` +
    `${s.readRequests} read requests; app RSS ${s.memory.appIdleMb.toFixed(0)} → ${s.memory.appPeakMb.toFixed(0)} MB, Chromium ${s.memory.chromiumMb.toFixed(0)} MB`
  );
}

async function openTab(
  browser: Browser,
  options: Options,
  view: PushView,
  cookie: string,
  onSeen: (text: string, at: number) => void,
  onArrived: (text: string, at: number) => void,
): Promise<{ context: BrowserContext; page: Page; reads: () => number }> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1366, height: 900 } });
  const [name, ...value] = cookie.split("=");
  // The list's "All" view (newest activity first), where the chat written to is at the top. The inbox opens on "Needs
  // reply" (Ozon's deadline first), where at the bench's size that chat is thousands of rows down and never rendered.
  await context.addCookies([
    { name: name!, value: value.join("="), url: options.appUrl },
    { name: INBOX_CHOICE_COOKIES.view, value: "all", url: options.appUrl },
  ]);
  await context.exposeFunction("__pushBenchSeen", onSeen);
  await context.exposeFunction("__pushBenchArrived", onArrived);
  await context.addInitScript(seenWatch(view));
  let reads = 0;
  context.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname.endsWith("/read")) reads++;
  });
  const page = await context.newPage();
  const account = `account=${encodeURIComponent(options.accountId)}`;
  await page.goto(view === "chat" ? `${options.appUrl}/inbox/${encodeURIComponent(options.chatId)}?${account}` : `${options.appUrl}/inbox?${account}`);
  await page.locator(view === "chat" ? `${WATCHED.chat} article` : `${WATCHED.list} a[data-chat-link]`).first().waitFor({ timeout: 60_000 });
  return { context, page, reads: () => reads };
}

/**
 * Memory of the Chromium processes this bench started (another bench's browser is not a descendant): the sum of
 * their PSS, which shares each shared page among the processes using it (a sum of RSS would count it in each).
 */
function chromiumPssMb(): number {
  const parentOf = new Map<number, number>();
  const chromiumPids: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, "utf8");
      parentOf.set(Number(name), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]));
      if (/^Name:\s+chrom/m.test(status)) chromiumPids.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  const ours = (pid: number) => {
    for (let p = parentOf.get(pid); p !== undefined && p > 1; p = parentOf.get(p)) if (p === process.pid) return true;
    return false;
  };
  return chromiumPids.filter(ours).reduce((sum, pid) => {
    try {
      return sum + Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0) / 1024;
    } catch {
      return sum;
    }
  }, 0);
}

async function measureSection(browser: Browser, sql: pg.Client, options: Options, tabs: number, view: PushView): Promise<PushSection> {
  const prefix = `pushbench-${randomBytes(4).toString("hex")}-t${tabs}`;
  // text → the moment each tab first showed it; waiters resolve when every tab has.
  const seen = new Map<string, Map<number, number>>();
  const arrived = new Map<string, Map<number, number>>();
  const waiters = new Map<string, () => void>();
  const onSeen = (tab: number) => (text: string, at: number) => {
    if (!text.startsWith(prefix)) return;
    const byTab = seen.get(text) ?? new Map<number, number>();
    if (!byTab.has(tab)) byTab.set(tab, at);
    seen.set(text, byTab);
    if (byTab.size === tabs) waiters.get(text)?.();
  };

  const onArrived = (tab: number) => (text: string, at: number) => {
    if (!text.startsWith(prefix)) return;
    const byTab = arrived.get(text) ?? new Map<number, number>();
    if (!byTab.has(tab)) byTab.set(tab, at);
    arrived.set(text, byTab);
  };

  const appIdleMb = appRssMb(options.appPid);
  const opened: Awaited<ReturnType<typeof openTab>>[] = [];
  try {
    // A few at a time: 50 first renders at once would only measure the machine's two cores.
    for (let i = 0; i < tabs; i += 5) {
      const batch = Array.from({ length: Math.min(5, tabs - i) }, (_, j) => openTab(browser, options, view, options.cookies[(i + j) % options.cookies.length]!, onSeen(i + j), onArrived(i + j)));
      opened.push(...(await Promise.all(batch)));
    }
    // The event streams open after hydration; let them settle before the first push.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const readsBefore = opened.reduce((sum, t) => sum + t.reads(), 0);
    let appPeakMb = appRssMb(options.appPid);
    const sampler = setInterval(() => (appPeakMb = Math.max(appPeakMb, appRssMb(options.appPid))), 500);
    const messageIds = new Map<string, string>();
    const startedAt = Date.now();
    try {
      for (let i = 0; i < WARMUP + options.messages; i++) {
        const text = `${prefix}-${i}`;
        const visible = new Promise<void>((resolve) => {
          waiters.set(text, resolve);
          setTimeout(resolve, VISIBLE_TIMEOUT_MS);
        });
        const sent = await emulatorCall<{ message_id: string }>(options.emulatorUrl, "POST", "/__emulator/buyer-message", {
          client_id: "demo-client",
          chat_id: options.ozonChatId,
          text,
        });
        messageIds.set(text, sent.message_id);
        await visible;
        waiters.delete(text);
        await new Promise((resolve) => setTimeout(resolve, options.gapMs));
      }
    } finally {
      clearInterval(sampler);
    }
    const chromiumMb = chromiumPssMb();
    const readRequests = opened.reduce((sum, t) => sum + t.reads(), 0) - readsBefore;

    const log = await emulatorCall<PushLog>(options.emulatorUrl, "GET", "/__emulator/pushes?client_id=demo-client");
    const sentAt = new Map(log.pushes.filter((p) => p.message_type === "TYPE_NEW_MESSAGE" && p.message_id).map((p) => [p.message_id!, p.attempts[0]?.sent_at]));
    const ids = [...messageIds.values()];
    const received = new Map(
      (
        await sql.query<{ id: string; at: number }>(
          `SELECT payload->>'message_id' AS id, extract(epoch FROM received_at) * 1000 AS at FROM push_events WHERE account_id = $1 AND payload->>'message_id' = ANY($2)`,
          [options.accountId, ids],
        )
      ).rows.map((r) => [r.id, Number(r.at)]),
    );
    const published = new Map<string, number>();
    const live = await sql.query<{ at: number; payload: { messages?: { id: string }[] } }>(
      `SELECT extract(epoch FROM created_at) * 1000 AS at, payload FROM live_events WHERE account_id = $1 AND kind = 'message' AND created_at >= to_timestamp($2 / 1000.0) ORDER BY id`,
      [options.accountId, startedAt - 1_000],
    );
    for (const row of live.rows) for (const m of row.payload.messages ?? []) if (!published.has(m.id)) published.set(m.id, Number(row.at));

    const visibleAll: number[] = [];
    const perTab: number[] = [];
    const receive: number[] = [];
    const process_: number[] = [];
    const stream: number[] = [];
    const render: number[] = [];
    const deliverFirst: number[] = [];
    const deliverAll: number[] = [];
    let missing = 0;
    let i = 0;
    for (const [text, id] of messageIds) {
      if (i++ < WARMUP) continue;
      const pushedAt = sentAt.get(id);
      const byTab = [...(seen.get(text)?.values() ?? [])];
      missing += tabs - byTab.length;
      if (pushedAt === undefined) continue;
      for (const at of byTab) perTab.push(at - pushedAt);
      if (byTab.length === tabs) visibleAll.push(Math.max(...byTab) - pushedAt);
      const r = received.get(id);
      const p = published.get(id);
      if (r !== undefined) receive.push(r - pushedAt);
      if (r !== undefined && p !== undefined) process_.push(p - r);
      for (const [tab, at] of seen.get(text) ?? []) {
        const came = arrived.get(text)?.get(tab);
        if (came === undefined) continue;
        render.push(at - came);
        if (p !== undefined) stream.push(came - p);
      }
      if (p !== undefined && byTab.length > 0) deliverFirst.push(Math.min(...byTab) - p);
      if (p !== undefined && byTab.length === tabs) deliverAll.push(Math.max(...byTab) - p);
    }
    return {
      tabs,
      view,
      messages: options.messages,
      gapMs: options.gapMs,
      visible: summarize(visibleAll),
      perTab: summarize(perTab),
      missing,
      stages: { receive: summarize(receive), process: summarize(process_), stream: summarize(stream), render: summarize(render), deliverFirst: summarize(deliverFirst), deliverAll: summarize(deliverAll) },
      readRequests,
      memory: { appIdleMb, appPeakMb, chromiumMb },
    };
  } finally {
    await Promise.all(opened.map((t) => t.context.close()));
  }
}
