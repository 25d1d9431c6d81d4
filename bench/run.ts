/**
 * `npm run bench`: the performance figures of issue 6 against the local PostgreSQL and an emulator seeded with a
 * large shop. Prints one table and writes every figure (with EXPLAIN ANALYZE of each read) to bench/results/.
 *
 *   --chats N (50000)  --messages-per-chat N (20)  --questions N  --reviews N (the emulator's hand-made ones)
 *   --reuse            keep an imported bench database of the same size (import figures from the run that imported)
 *   --skip-browser --skip-load --no-build (use the existing build)  --port N (3400)  --dist-dir D (.next-bench)
 *   --runs N (200)     timed runs per route figure, after warm-up
 *   --skip-push  --push-messages N (200)  --push-tabs N (50)  --push-tabs-in-chat: push → visible (issue 5)
 *   --skip-push-flood  --push-flood N (2000)  --push-flood-seconds N (10): pushes acknowledged in a flood (issue 12)
 *   (push only, quickly: --chats 2000 --messages-per-chat 10 --skip-load --skip-browser --runs 20)
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { signIn } from "./sign-in";
import { measureRead, measureWrite, recordingPrisma, sendBodies, type ReadFigure, type WriteFigure } from "./measure-routes";
import { measureLoad, type LoadFigure } from "./measure-load";
import { measureBrowser, type BrowserFigures } from "./measure-browser";
import { measurePush, type PushFigures } from "./measure-push";
import { measurePushFlood, type PushFloodFigures } from "./measure-push-flood";
import { startAppProcess, startEmulatorProcess, type Child } from "./processes";
import { printTable, ms, type Row } from "./report";
import { round } from "./stats";
import {
  ADMIN_EMAIL,
  AGENT_EMAIL,
  BENCH_PASSWORD,
  benchConnection,
  benchDatabaseUrl,
  databaseExists,
  growChat,
  idlePoll,
  importShop,
  openShop,
  recreateDatabase,
  type ImportFigures,
} from "./prepare-shop";

// Unknown options are refused (a typo would otherwise measure the wrong shop for twelve minutes).
const { values: options } = parseArgs({
  options: {
    chats: { type: "string" },
    "messages-per-chat": { type: "string" },
    questions: { type: "string" },
    reviews: { type: "string" },
    runs: { type: "string" },
    port: { type: "string" },
    // Two benches may share the machine (say, one per change being compared): each on its own port and build.
    "dist-dir": { type: "string", default: ".next-bench" },
    "push-messages": { type: "string" },
    "push-tabs": { type: "string" },
    "push-tabs-in-chat": { type: "boolean", default: false },
    reuse: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    "skip-load": { type: "boolean", default: false },
    "skip-browser": { type: "boolean", default: false },
    "skip-push": { type: "boolean", default: false },
    "push-flood": { type: "string" },
    "push-flood-seconds": { type: "string" },
    "skip-push-flood": { type: "boolean", default: false },
  },
  allowPositionals: false,
});
type NumberOption = "chats" | "messages-per-chat" | "questions" | "reviews" | "runs" | "port" | "push-messages" | "push-tabs" | "push-flood" | "push-flood-seconds";
const numberOption = (name: NumberOption, fallback: number): number => {
  const given = options[name];
  if (given === undefined) return fallback;
  const value = Number(given);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number above 0 (got ${given}).`);
  return value;
};
const flag = (name: "reuse" | "no-build" | "skip-load" | "skip-browser" | "skip-push" | "skip-push-flood" | "push-tabs-in-chat") => options[name];
const CHATS = numberOption("chats", 50_000);
const MPC = numberOption("messages-per-chat", 20);
// 0: the emulator's few hand-made questions and reviews.
const QUESTIONS = options.questions === undefined ? 0 : numberOption("questions", 0);
const REVIEWS = options.reviews === undefined ? 0 : numberOption("reviews", 0);
// The size in names: a shop with questions and reviews is another database and another import record.
const SIZE = `${CHATS}x${MPC}${QUESTIONS || REVIEWS ? `_q${QUESTIONS}_r${REVIEWS}` : ""}`;
const RUNS = numberOption("runs", 200);
const WARMUP = 20;
const LONG_CHAT_MESSAGES = 2_000;
const SESSIONS = 50;
const APP_PORT = numberOption("port", 3400);
const DIST_DIR = options["dist-dir"];
const IDLE_SMALL = { chats: 1_000, messagesPerChat: 5 };
const RESULTS = path.join("bench", "results");
const log = (line: string) => console.log(line);

type ImportRecord = { figures: ImportFigures; idlePoll: { calls: number }; longChatOzonId: string; measuredAt: string };

function benchSecrets(): { AUTH_SECRET: string; ENCRYPTION_KEY: string } {
  // Kept beside the results: a reused database holds an Api-Key encrypted with this key.
  const file = path.join(RESULTS, "bench-secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as { AUTH_SECRET: string; ENCRYPTION_KEY: string };
  const secrets = { AUTH_SECRET: randomBytes(32).toString("base64"), ENCRYPTION_KEY: randomBytes(32).toString("base64") };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

async function firstBuyerChat(emulatorUrl: string): Promise<string> {
  const response = await fetch(`${emulatorUrl}/v3/chat/list`, {
    method: "POST",
    headers: { "Client-Id": "demo-client", "Api-Key": "demo-api-key", "content-type": "application/json" },
    body: JSON.stringify({ limit: 100 }),
  });
  // Ids are bare numbers above 2^53 on the wire; chat ids are strings, so plain JSON is enough here.
  const body = (await response.json()) as { chats: { chat: { chat_id: string; chat_type: string } }[] };
  const chat = body.chats.find((c) => /buyer/i.test(c.chat.chat_type));
  if (!chat) throw new Error("The emulator's shop has no buyer chat on its first page.");
  return chat.chat.chat_id;
}

/** The import at the bench size (or its figures from the run that imported) and the idle poll at two sizes. */
async function prepare(emulator: Child, dbName: string): Promise<{ record: ImportRecord; idleSmall: { calls: number } }> {
  const url = benchDatabaseUrl(dbName);
  const recordFile = path.join(RESULTS, `import-${SIZE}.json`);
  let record: ImportRecord;
  if (flag("reuse") && (await databaseExists(dbName)) && existsSync(recordFile)) {
    record = JSON.parse(readFileSync(recordFile, "utf8")) as ImportRecord;
    log(`Reusing ${dbName} (imported ${record.measuredAt}).`);
  } else {
    log(`Creating ${dbName} and importing ${CHATS} chats × ${MPC} messages (plus one chat of ${LONG_CHAT_MESSAGES})…`);
    await recreateDatabase(dbName);
    const shop = await openShop(url, emulator.url, SESSIONS, true);
    const longChatOzonId = await firstBuyerChat(emulator.url);
    await growChat(emulator.url, longChatOzonId, LONG_CHAT_MESSAGES - MPC);
    const figures = await importShop(shop, emulator.url);
    log(`  import: ${(figures.wallMs / 1000).toFixed(1)} s, ${figures.emulatorCalls} Ozon calls (fewest ${figures.fewestCalls})`);
    const poll = await idlePoll(shop, emulator.url);
    log(`  idle poll: ${poll.calls} Ozon calls (${poll.mode})`);
    await shop.close();
    record = { figures, idlePoll: { calls: poll.calls }, longChatOzonId, measuredAt: new Date().toISOString() };
    writeFileSync(recordFile, JSON.stringify(record, null, 2));
  }

  // The same idle poll on a small shop: its cost must not depend on the shop's size.
  const small = await startEmulatorProcess(IDLE_SMALL);
  try {
    const smallName = `seller_inbox_bench_idle_${IDLE_SMALL.chats}x${IDLE_SMALL.messagesPerChat}_${APP_PORT}`;
    await recreateDatabase(smallName);
    const shop = await openShop(benchDatabaseUrl(smallName), small.url, 0, true);
    await importShop(shop, small.url);
    const poll = await idlePoll(shop, small.url);
    await shop.close();
    log(`  idle poll at ${IDLE_SMALL.chats} chats: ${poll.calls} Ozon calls`);
    return { record, idleSmall: { calls: poll.calls } };
  } finally {
    await small.stop();
  }
}

function buildApp(env: Record<string, string>) {
  if (flag("no-build") && existsSync(path.join(DIST_DIR, "BUILD_ID"))) return;
  log(`Building the app into ${DIST_DIR} (a few minutes on 2 cores)…`);
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error(`next build failed (${build.status})`);
}

/**
 * The metrics' turns of every chat the import wrote, computed before any figure is taken, as the app's background
 * loop would have done during an import of this size: otherwise the loop and the metrics route's catch-up compute
 * 50,000 chats while the routes are measured, and every figure carries that work.
 */
async function computeMarkedTurns(databaseUrl: string) {
  const { openDatabase } = await import("@/lib/db/client");
  const { catchUpAccountTurns } = await import("@/lib/metrics/catch-up-account-turns");
  const database = openDatabase({ kind: "postgres", url: databaseUrl });
  const started = Date.now();
  const marked = await database.prisma.chatTurnMark.count();
  for (const account of await database.prisma.sellerAccount.findMany({ select: { id: true } })) {
    await catchUpAccountTurns(database.prisma, account.id, { maxMs: Number.POSITIVE_INFINITY });
  }
  await database.close();
  if (marked > 0) log(`  metrics' turns of ${marked} chats computed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function getJson<T>(url: string, cookie: string): Promise<T> {
  const response = await fetch(url, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

type ChatPage = { chats: { id: string; ozonChatId: string; type: string; isBuyerChat: boolean }[]; nextCursor: string | null };

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  const secrets = benchSecrets();
  const dbName = `seller_inbox_bench_${SIZE}`;
  const databaseUrl = benchDatabaseUrl(dbName);
  log(`Starting the emulator: ${CHATS} chats × ${MPC} messages${QUESTIONS || REVIEWS ? `, ${QUESTIONS} questions, ${REVIEWS} reviews` : ""}, no rate limit…`);
  const emulator = await startEmulatorProcess({ chats: CHATS, messagesPerChat: MPC, questions: QUESTIONS, reviews: REVIEWS });
  const appEnv: Record<string, string> = {
    ...secrets,
    DATABASE_URL: databaseUrl,
    OZON_API_URL: emulator.url,
    OZON_RATE_LIMIT_PER_SECOND: "50",
    SYNC_ENABLED: "false",
    NEXT_DIST_DIR: DIST_DIR,
  };
  // The lib modules read the environment once, at first use (imported late for that reason).
  Object.assign(process.env, appEnv);
  let app: Child | null = null;
  const started = Date.now();
  try {
    const { record, idleSmall } = await prepare(emulator, dbName);
    if (flag("reuse")) await growChat(emulator.url, record.longChatOzonId, LONG_CHAT_MESSAGES - MPC);
    await computeMarkedTurns(databaseUrl);
    // Dead rows cleared and planner statistics as autovacuum would leave them after an import (this machine's server
    // runs with it off: without VACUUM, a reused database keeps every run's updated rows, and the chats table grows
    // run after run — 438,000 dead rows beside 70,000 live ones once, and the unread total became a 90 ms scan).
    const analyze = new pg.Client({ connectionString: databaseUrl });
    await analyze.connect();
    await analyze.query("VACUUM ANALYZE");
    await analyze.end();

    buildApp(appEnv);
    app = await startAppProcess(appEnv, APP_PORT);
    log(`App on ${app.url}; signing in ${SESSIONS + 1} sessions…`);
    const admin = await signIn(app.url, ADMIN_EMAIL, BENCH_PASSWORD);
    const agents: string[] = [];
    for (let i = 0; i < SESSIONS; i++) agents.push(await signIn(app.url, AGENT_EMAIL(i), BENCH_PASSWORD));

    const recording = await recordingPrisma(databaseUrl);
    const sql = new pg.Client({ connectionString: databaseUrl });
    await sql.connect();
    const { listCachedChats } = await import("@/lib/chats/list-cached-chats");
    const { listCachedMessages } = await import("@/lib/chats/list-cached-messages");
    const { listQueueChats } = await import("@/lib/team/list-queue-chats");
    const { countQueueViews } = await import("@/lib/team/count-queue-views");
    const account = await recording.prisma.sellerAccount.findUniqueOrThrow({ where: { clientId: "demo-client" }, select: { id: true } });
    const A = account.id;
    const base = `/api/accounts/${encodeURIComponent(A)}`;

    // Positions: a page 1,000 chats deep, the long chat, a typical chat, a support chat, a deep page of messages.
    let cursor: string | null = null;
    for (let seen = 0; seen < 1_000; seen += 100) {
      const page: ChatPage = await getJson<ChatPage>(`${app.url}${base}/chats?kind=buyer&filter=all&limit=100${cursor ? `&cursor=${cursor}` : ""}`, admin);
      cursor = page.nextCursor;
    }
    const longChat = await recording.prisma.chat.findFirstOrThrow({ where: { accountId: A, ozonChatId: record.longChatOzonId } });
    const typical = await recording.prisma.chat.findFirstOrThrow({ where: { accountId: A, isBuyerChat: true, id: { not: longChat.id } }, orderBy: { lastMessageAt: "desc" } });
    const support = await recording.prisma.chat.findFirstOrThrow({ where: { accountId: A, type: { contains: "support", mode: "insensitive" } } });
    const deep = await recording.prisma.message.findMany({ where: { chatId: longChat.id }, orderBy: { ozonMessageId: "desc" }, skip: 1_000, take: 1, select: { ozonMessageId: true } });
    const deepBefore = deep[0]!.ozonMessageId.toString();

    const reads: { name: string; path: string; lib: () => Promise<unknown> }[] = [];
    const chatsCase = (name: string, query: string) => {
      const p = `${base}/chats?${query}`;
      reads.push({ name, path: p, lib: () => listCachedChats(recording.prisma, A, Object.fromEntries(new URLSearchParams(query))) });
    };
    const messagesCase = (name: string, chatId: string, query: string) => {
      const p = `${base}/chats/${encodeURIComponent(chatId)}/messages?${query}`;
      reads.push({
        name,
        path: p,
        lib: () => listCachedMessages(recording.prisma, benchConnection(emulator.url), { accountId: A, chatId }, Object.fromEntries(new URLSearchParams(query))),
      });
    };
    // The floor every route stands on: Next's handling and HTTP, without a session or SQL.
    const floor = { name: "floor: /api/health (no session, no SQL)", path: "/api/health", lib: async () => {} };
    chatsCase("chat list: first page", "kind=buyer&filter=all&limit=30");
    chatsCase("chat list: unread", "kind=buyer&filter=unread&limit=30");
    chatsCase("chat list: 1,000 deep", `kind=buyer&filter=all&limit=30&cursor=${cursor}`);
    // Every buyer chat with a reply deadline (issue 13): as if each chat's postings were read, an FBO window of 48 h
    // after its last message. Written before any figure is taken, so every chat list figure carries the deadlines;
    // the two below say so in their names. A reused database keeps it (the same update again).
    await sql.query(
      `UPDATE chats SET reply_until = last_message_at + interval '48 hours', reply_closed_reason = 'fbo_window_passed',
              last_buyer_message_at = last_message_at, postings_checked_at = now()
        WHERE account_id = $1 AND is_buyer_chat AND last_message_at IS NOT NULL`,
      [A],
    );
    chatsCase("chat list, every chat with a reply deadline: first page", "kind=buyer&filter=all&limit=30");
    chatsCase("chat list, every chat with a reply deadline: 1,000 deep", `kind=buyer&filter=all&limit=30&cursor=${cursor}`);
    messagesCase(`messages: newest (${LONG_CHAT_MESSAGES}-msg chat)`, longChat.id, "limit=50");
    messagesCase(`messages: 1,000 deep (${LONG_CHAT_MESSAGES}-msg chat)`, longChat.id, `limit=50&before=${deepBefore}`);
    messagesCase(`messages: newest (${MPC}-msg chat)`, typical.id, "limit=50");
    // Search (the command palette) as an administrator: a word of a buyer's message (Russian stems over every
    // chat), and an exact order number.
    const { searchChats } = await import("@/lib/search/search-chats");
    const searcher = await recording.prisma.user.findFirstOrThrow({ where: { role: "ADMIN", active: true }, select: { id: true } });
    const sample = await recording.prisma.message.findFirst({ where: { chatId: typical.id, authorType: "customer" }, orderBy: { ozonMessageId: "desc" }, select: { text: true } });
    const searchWord = (sample?.text.match(/[а-яё]{6,}/iu) ?? ["заказ"])[0];
    const ordered = await recording.prisma.chat.findFirst({ where: { accountId: A, orderNumber: { not: null } }, select: { orderNumber: true } });
    for (const [name, q] of [
      [`search: a word ("${searchWord}")`, searchWord],
      ["search: an order number", ordered?.orderNumber ?? "00000000-0000"],
    ] as const) {
      reads.push({
        name,
        path: `/api/search?q=${encodeURIComponent(q)}`,
        lib: () => searchChats(recording.prisma, { id: searcher.id, role: "ADMIN" }, { q }),
      });
    }
    // The metrics page's figures for 30 days (one SQL statement over the range's messages), as an administrator.
    const { getMetricsReport } = await import("@/lib/metrics/get-metrics-report");
    const adminUser = await recording.prisma.user.findFirstOrThrow({ where: { role: "ADMIN", active: true }, select: { id: true } });
    reads.push({
      name: "metrics: 30 days, one account",
      path: `${base}/metrics?range=30d`,
      lib: () => getMetricsReport(recording.prisma, { accountId: A, user: { id: adminUser.id, role: "ADMIN" }, query: { range: "30d" } }),
    });

    // A team's day: about half the chats owned, spread over the agents and the administrator (whose share is "Mine",
    // some 500 chats); which chats await a reply is the import's own finding. Deterministic, so --reuse is stable.
    const adminId = (await recording.prisma.user.findUniqueOrThrow({ where: { email: ADMIN_EMAIL }, select: { id: true } })).id;
    const owners = [adminId, ...(await recording.prisma.user.findMany({ where: { role: "AGENT" }, select: { id: true } })).map((u) => u.id)];
    await sql.query(
      `UPDATE chats SET assignee_id = CASE WHEN abs(hashtext(id)) % 2 = 0 THEN ($1::text[])[1 + abs(hashtext(id || 'owner')) % array_length($1::text[], 1)] END
        WHERE account_id = $2`,
      [owners, A],
    );
    // Both updates above rewrote every chat row: cleared as autovacuum would.
    await sql.query("VACUUM ANALYZE chats");
    const queueCase = (name: string, query: string) => {
      reads.push({ name, path: `${base}/queue?${query}`, lib: () => listQueueChats(recording.prisma, A, adminId, Object.fromEntries(new URLSearchParams(query)) as never) });
    };
    queueCase("queue: Needs reply", "view=needs_reply&kind=buyer&limit=30");
    queueCase("queue: Mine", "view=mine&kind=buyer&limit=30");
    queueCase("queue: Unassigned", "view=unassigned&kind=buyer&limit=30");
    // Chats, questions and reviews in one queue (issue 18): no kind given.
    queueCase("queue: Needs reply, every kind mixed", "view=needs_reply&limit=30");
    queueCase("queue: Needs reply, questions", "view=needs_reply&kind=question&limit=30");
    queueCase("queue: Needs reply, reviews", "view=needs_reply&kind=review&limit=30");
    queueCase("queue: Needs reply, reviews, low ratings first", "view=needs_reply&kind=review&order=low_rating&limit=30");
    queueCase("queue: Needs reply, support chats", "view=needs_reply&kind=support&limit=30");
    queueCase("queue: Unassigned, every kind mixed", "view=unassigned&limit=30");
    queueCase("queue: Unassigned, questions", "view=unassigned&kind=question&limit=30");
    queueCase("queue: Mine, every kind mixed", "view=mine&limit=30");
    reads.push({ name: "queue: counts of every view", path: `${base}/queue/counts`, lib: () => countQueueViews(recording.prisma, A, adminId) });

    const readFigures: ReadFigure[] = [];
    for (const c of [floor, ...reads]) {
      const queries = await recording.record(c.lib);
      const figure = await measureRead({ name: c.name, appUrl: app.url, emulatorUrl: emulator.url, path: c.path, cookie: admin, sql, queries, runs: RUNS, warmup: WARMUP });
      log(`  ${c.name}: route p95 ${ms(figure.route.p95)}, SQL p95 ${ms(figure.sql.p95)} (${figure.queries.length} queries)`);
      readFigures.push(figure);
    }
    const sends = sendBodies(support.ozonChatId);
    const writeFigures: WriteFigure[] = [
      await measureWrite({
        name: "mark read",
        appUrl: app.url,
        emulatorUrl: emulator.url,
        path: `${base}/chats/${encodeURIComponent(typical.id)}/read`,
        cookie: admin,
        routeBody: () => ({}),
        ozonPath: "/v2/chat/read",
        ozonBody: () => ({ chat_id: typical.ozonChatId }),
        runs: RUNS,
        warmup: WARMUP,
      }),
      await measureWrite({
        name: "send",
        appUrl: app.url,
        emulatorUrl: emulator.url,
        path: `${base}/chats/${encodeURIComponent(support.id)}/messages`,
        cookie: admin,
        routeBody: sends.route,
        ozonPath: "/v1/chat/send/message",
        ozonBody: sends.ozon,
        runs: RUNS,
        warmup: WARMUP,
      }),
    ];
    for (const w of writeFigures) log(`  ${w.name}: route median ${ms(w.route.median)}, emulator ${ms(w.emulator.median)}`);

    const loadFigures: LoadFigure[] = [];
    if (!flag("skip-load")) {
      for (const [name, p] of [
        ["load: chat list", reads[0]!.path],
        [`load: messages (${LONG_CHAT_MESSAGES}-msg chat)`, reads[3]!.path],
        [`load: messages (${MPC}-msg chat)`, reads[5]!.path],
      ] as const) {
        const figure = await measureLoad({ name, appUrl: app.url, path: p, cookies: agents, seconds: 15, appPid: app.process.pid! });
        log(`  ${name}: ${figure.rps.toFixed(0)} rps, p95 ${ms(figure.p95)}, RSS peak ${figure.rssPeakMb.toFixed(0)} MB, non-2xx ${figure.non2xx}`);
        loadFigures.push(figure);
      }
    }

    let browser: BrowserFigures | null = null;
    if (!flag("skip-browser")) {
      log("Browser…");
      browser = await measureBrowser({
        appUrl: app.url,
        accountId: A,
        cookie: admin,
        longChatId: longChat.id,
        chatId: typical.id,
        longChatMessages: LONG_CHAT_MESSAGES,
        navRuns: 20,
        clicks: 40,
        lighthouseRuns: 3,
        log,
      });
    }
    let push: PushFigures | null = null;
    if (!flag("skip-push")) {
      log("Push → visible…");
      push = await measurePush({
        appUrl: app.url,
        emulatorUrl: emulator.url,
        databaseUrl,
        db: recording.prisma,
        accountId: A,
        chatId: typical.id,
        ozonChatId: typical.ozonChatId,
        cookies: agents,
        messages: numberOption("push-messages", 200),
        manyTabs: numberOption("push-tabs", SESSIONS),
        manyTabsView: flag("push-tabs-in-chat") ? "chat" : "list",
        gapMs: 100,
        appPid: app.process.pid!,
        log,
      });
    }
    let flood: PushFloodFigures | null = null;
    if (!flag("skip-push-flood")) {
      log("Push flood…");
      flood = await measurePushFlood({
        appUrl: app.url,
        emulatorUrl: emulator.url,
        databaseUrl,
        db: recording.prisma,
        accountId: A,
        pushes: numberOption("push-flood", 2_000),
        seconds: numberOption("push-flood-seconds", 10),
        appPid: app.process.pid!,
        log,
      });
    }
    await sql.end();
    await recording.close();

    const rows: Row[] = [];
    const f = record.figures;
    const feedbackCalls = f.feedbackCalls ?? 0;
    const chatCalls = f.emulatorCalls - feedbackCalls;
    rows.push({
      figure: `import wall time (${f.chats} chats, ${f.messages} msgs${f.questions || f.reviews ? `, ${f.questions} questions, ${f.reviews} reviews` : ""}; no rate limit)`,
      value: `${(f.wallMs / 1000).toFixed(1)} s`,
    });
    rows.push({ figure: "import at Ozon's 50 calls/s (calls / 50)", value: `${(f.emulatorCalls / 50 / 60).toFixed(1)} min` });
    rows.push({
      figure: "import Ozon chat calls / fewest",
      value: `${chatCalls} / ${f.fewestCalls} = ${(chatCalls / f.fewestCalls).toFixed(3)}×`,
      target: "≤ 1.2×",
      pass: chatCalls <= 1.2 * f.fewestCalls,
    });
    if (feedbackCalls > 0) rows.push({ figure: "import Ozon calls for questions and reviews", value: `${feedbackCalls}` });
    rows.push({
      figure: `idle poll Ozon calls (${CHATS} vs ${IDLE_SMALL.chats} chats)`,
      value: `${record.idlePoll.calls} vs ${idleSmall.calls}`,
      target: "constant",
      pass: record.idlePoll.calls === idleSmall.calls,
    });
    for (const r of readFigures) {
      if (r.path === floor.path) {
        rows.push({ figure: `${r.name} p95 (median)`, value: `${ms(r.route.p95)} (${ms(r.route.median)})` });
        continue;
      }
      // The queue is a chat list too (issues 15 and 18: p95 ≤ 30 ms at size).
      const chatList = r.name.startsWith("chat list") || r.name.startsWith("queue");
      const metrics = r.name.startsWith("metrics");
      // Search: a word p95 ≤ 50 ms, an order number ≤ 20 ms, each shown beside its SQL.
      const search = r.name.startsWith("search");
      const limit = metrics ? 200 : search ? (r.name.includes("word") ? 50 : 20) : chatList ? 30 : 20;
      const absoluteOnly = metrics || search;
      rows.push({
        figure: `${r.name} p95 (median) | SQL p95 | ratio`,
        value: `${ms(r.route.p95)} (${ms(r.route.median)}) | ${ms(r.sql.p95)} | ${r.ratio.toFixed(1)}×${r.ozonCallsPerRequest > 0 ? ` | ${r.ozonCallsPerRequest.toFixed(1)} Ozon calls/req` : ""}`,
        target: absoluteOnly ? `≤ ${limit} ms` : `≤ ${limit} ms, ≤ 2× SQL`,
        pass: absoluteOnly ? r.route.p95 <= limit : r.route.p95 <= limit && r.ratio <= 2,
      });
    }
    for (const w of writeFigures) {
      rows.push({
        figure: `${w.name} median (p95) | one Ozon call alone | beyond`,
        value: `${ms(w.route.median)} (${ms(w.route.p95)}) | ${ms(w.emulator.median)} | ${ms(w.beyondEmulatorMs)} | ${w.ozonCallsPerRequest.toFixed(1)} Ozon calls/req`,
      });
    }
    for (const l of loadFigures) {
      rows.push({ figure: `${l.name}, ${l.connections} sessions: rps | p95 | RSS`, value: `${l.rps.toFixed(0)} rps | ${ms(l.p95)} | ${l.rssPeakMb.toFixed(0)} MB (idle ${l.rssBeforeMb.toFixed(0)})${l.non2xx ? ` | ${l.non2xx} non-2xx` : ""}` });
    }
    if (browser) {
      rows.push({ figure: "nav → chat list, cold p95 (median)", value: `${ms(browser.navCold.p95)} (${ms(browser.navCold.median)})`, target: "≤ 1000 ms", pass: browser.navCold.p95 <= 1000 });
      rows.push({ figure: "nav → chat list, warm p95 (median)", value: `${ms(browser.navWarm.p95)} (${ms(browser.navWarm.median)})` });
      rows.push({ figure: `click → messages p95 (median), ${browser.click.n} clicks`, value: `${ms(browser.click.p95)} (${ms(browser.click.median)})`, target: "≤ 100 ms", pass: browser.click.p95 <= 100 });
      for (const [kind, r] of Object.entries(browser.clickRequests)) {
        rows.push({ figure: `  of which ${kind} (clicks with it)`, value: `starts +${ms(r.startMedianMs)}, takes ${ms(r.durationMedianMs)} (${r.count})` });
      }
      const s = browser.scroll;
      rows.push({ figure: `scroll up through ${s.messages} messages (${s.pages} pages)`, value: `${(s.ms / 1000).toFixed(1)} s, ${s.messageRequests} requests, ${s.longTasks} long tasks (${Math.round(s.longTaskMs)} ms, longest ${Math.round(s.longestTaskMs)} ms)` });
      rows.push({ figure: "Lighthouse performance /inbox, desktop (median of runs)", value: `${browser.lighthouse.desktop.median} [${browser.lighthouse.desktopRuns.join(", ")}]`, target: "≥ 95", pass: browser.lighthouse.desktop.median >= 95 });
      rows.push({ figure: "Lighthouse performance /inbox, mobile (median of runs)", value: `${browser.lighthouse.mobile.median} [${browser.lighthouse.mobileRuns.join(", ")}]`, target: "≥ 95 each run", pass: browser.lighthouse.mobileRuns.length > 0 && Math.min(...browser.lighthouse.mobileRuns) >= 95 });
      const chat = browser.lighthouseChat;
      rows.push({ figure: "Lighthouse performance, a chat's page, desktop (median of runs)", value: `${chat.desktop.median} [${chat.desktopRuns.join(", ")}]`, target: "≥ 95", pass: chat.desktop.median >= 95 });
      rows.push({ figure: "Lighthouse performance, a chat's page, mobile (median of runs)", value: `${chat.mobile.median} [${chat.mobileRuns.join(", ")}]`, target: "≥ 95 each run", pass: chat.mobileRuns.length > 0 && Math.min(...chat.mobileRuns) >= 95 });
      rows.push({ figure: "first-load JS of /inbox, gzipped", value: `${(browser.firstLoadJs.gzipBytes / 1024).toFixed(1)} KB (${browser.firstLoadJs.files.length} files; ${(browser.firstLoadJs.later.gzipBytes / 1024).toFixed(1)} KB more loaded later)`, target: "≤ 130 KB", pass: browser.firstLoadJs.gzipBytes <= 130 * 1024 });
    }
    for (const s of push ? [push.oneTab, push.manyTabs] : []) {
      if (!s) continue;
      const limit = s.tabs === 1 ? 300 : 1000;
      rows.push({
        figure: `push → visible, ${s.tabs === 1 ? "1 tab" : `${s.tabs} tabs`} (${s.view === "chat" ? "in the thread" : "in the chat list"}${s.tabs > 1 ? ", all" : ""}) p50 | p95 | max (${s.visible.n} msgs)`,
        value: `${ms(s.visible.median)} | ${ms(s.visible.p95)} | ${ms(s.visible.max)}${s.missing ? ` | ${s.missing} not seen` : ""}`,
        target: `p95 < ${limit} ms`,
        pass: s.missing === 0 && s.visible.p95 < limit,
      });
      if (s.tabs > 1) rows.push({ figure: `  per tab p50 | p95 | max (${s.perTab.n})`, value: `${ms(s.perTab.median)} | ${ms(s.perTab.p95)} | ${ms(s.perTab.max)}` });
      const st = s.stages;
      rows.push({
        figure: "  stages p50 (p95): receive | process | stream | render",
        value: [st.receive, st.process, st.stream, st.render].map((x) => `${ms(x.median)} (${ms(x.p95)})`).join(" | "),
      });
      rows.push({ figure: "  memory: app RSS idle → peak | Chromium PSS", value: `${s.memory.appIdleMb.toFixed(0)} → ${s.memory.appPeakMb.toFixed(0)} MB | ${s.memory.chromiumMb.toFixed(0)} MB (${s.readRequests} read requests)` });
    }
    if (flood) {
      const a = flood.firstAttempt;
      rows.push({
        figure: `push flood: ${flood.pushes} pushes in ${(flood.injectedMs / 1000).toFixed(0)} s, acknowledged p50 | p95 | max`,
        value: `${ms(a.median)} | ${ms(a.p95)} | ${ms(a.max)} | ${flood.acknowledgedUnderLimit} of ${flood.pushes} under 1 s (stored after p50 ${ms(flood.stored.median)}, p95 ${ms(flood.stored.p95)})`,
        target: "all < 1 s, p95 < 100 ms",
        pass: flood.acknowledgedUnderLimit === flood.pushes && a.p95 < 100,
      });
      rows.push({
        figure: "  retried | never acknowledged | stored once | lost",
        value: `${flood.retried} | ${flood.notAcknowledged} | ${flood.storedRows === flood.storedDistinct ? "yes" : `no (${flood.storedRows} rows, ${flood.storedDistinct} messages)`} | ${flood.lost}`,
        target: "none lost",
        pass: flood.lost === 0 && flood.notAcknowledged === 0 && flood.storedRows === flood.storedDistinct,
      });
      rows.push({
        figure: "  health during the flood: asked | failed | p95 | max",
        value: `${flood.health.requests} | ${flood.health.failures} | ${ms(flood.health.latency.p95)} | ${ms(flood.health.latency.max)}`,
        target: "none failed",
        pass: flood.health.failures === 0,
      });
      rows.push({
        figure: "  every message in the cache after | app RSS idle → peak",
        value: `${flood.drainedMs === null ? "not within 10 min" : `${(flood.drainedMs / 1000).toFixed(1)} s`} | ${flood.memory.appIdleMb.toFixed(0)} → ${flood.memory.appPeakMb.toFixed(0)} MB`,
      });
    }
    const machine = {
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}`,
      ramGb: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      postgres: (await (async () => {
        const c = new pg.Client({ connectionString: databaseUrl });
        await c.connect();
        const v = (await c.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
        await c.end();
        return v;
      })()),
      chromium: browser?.chromium ?? null,
    };
    const title = `Seller Inbox bench — ${CHATS} chats × ${MPC} messages, N=${RUNS} per route figure, ${new Date().toISOString()}\n` +
      `machine: ${machine.cpus}, ${machine.ramGb} GB, Node ${machine.node}, PostgreSQL ${machine.postgres}${machine.chromium ? `, Chromium ${machine.chromium}` : ""}`;
    const table = printTable(title, rows);
    console.log(`\n${table}\n`);
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const out = path.join(RESULTS, `bench-${SIZE}-${stamp}.json`);
    writeFileSync(out, JSON.stringify({ machine, size: { chats: CHATS, messagesPerChat: MPC }, runs: RUNS, import: record, idleSmall, reads: readFigures, writes: writeFigures, load: loadFigures, browser, push, flood, table: rows, elapsedS: (Date.now() - started) / 1000 }, null, 2));
    writeFileSync(path.join(RESULTS, "latest.txt"), table + "\n");
    log(`Figures: ${out}`);
  } finally {
    await app?.stop();
    await emulator.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
