/**
 * Test-only: the outbox soak. Many sends through the app's send path (lib/testing/outbox-child.ts, a process of its
 * own, its outbox worker running) while Ozon's send and history methods fail a share of the time (500, 503, dropped
 * connections, 429, timeouts after Ozon applied the call), the process SIGKILLed midway and started again. Then,
 * with nobody pressing anything: every text must be at the buyer exactly once, its row settled, its cached message
 * attributed (agent and client id), and after a sync the cache equal to the emulator. Used by
 * lib/chats/outbox-soak.test.ts (small) and bench/soak-outbox.ts (`npm run soak:outbox`, 1,000 sends).
 */
import { randomBytes } from "node:crypto";
import { emulatorControl, DEMO, type EmulatorState } from "@/emulator/testing";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { openDatabase, type DatabaseConfig, type OpenDatabase } from "@/lib/db/client";
import { syncAccountNow } from "@/lib/sync/sync-account-now";
import { spawnOutboxChild } from "./spawn-outbox-child";

export type OutboxSoakOptions = {
  database: DatabaseConfig;
  emulatorUrl: string;
  sends: number;
  /** Share of calls to /v1/chat/send/message and /v3/chat/history that fail (0.2). */
  faultRate: number;
  /** The process is killed once this many sends have been answered (default half). */
  killAfter?: number;
  /** Sends in flight at once (default 8). */
  concurrency?: number;
  /** Extra environment of the app process (OUTBOX_*, ...). */
  env?: Record<string, string>;
  log?: (line: string) => void;
};

export type OutboxSoakReport = {
  sends: number;
  faultRate: number;
  answeredBeforeKill: number;
  inFlightAtKill: number;
  /** Sends whose request died before the server wrote their row: the browser's same-clientId re-POST. */
  repostedWithoutRow: number;
  lost: number;
  duplicated: number;
  stuck: number;
  failed: number;
  unattributed: number;
  cacheEqualsEmulator: boolean;
  ozonCalls: { send: number; history: number; total: number };
  attempts: Record<string, number>;
  /** From the restart to nothing unsettled. */
  settleAfterRestartMs: number;
  totalMs: number;
};

const SEND = "/v1/chat/send/message";
const HISTORY = "/v3/chat/history";

export async function runOutboxSoak(options: OutboxSoakOptions): Promise<OutboxSoakReport> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const ozon = emulatorControl(options.emulatorUrl);
  // This process reads Ozon without faults, directly (the app process under test goes through its own settings).
  const direct = { baseUrl: options.emulatorUrl, clientId: DEMO.clientId, apiKey: DEMO.apiKey, timeoutMs: 10_000 };
  const withDb = async <T>(fn: (db: OpenDatabase) => Promise<T>): Promise<T> => {
    const db = openDatabase(options.database);
    try {
      await db.migrate();
      return await fn(db);
    } finally {
      await db.close();
    }
  };

  await ozon.clearFaults();
  const { accountId, userId, writable } = await withDb(async (db) => {
    const account = await db.prisma.sellerAccount.create({
      data: { name: "Soak", clientId: DEMO.clientId, apiKeyCiphertext: new Uint8Array(encryptSecret(DEMO.apiKey)), apiKeyLast4: DEMO.apiKey.slice(-4) },
    });
    const user = await db.prisma.user.create({
      data: { email: `soak-${randomBytes(4).toString("hex")}@test.local`, name: "Soak agent", passwordHash: "-", role: "AGENT", memberships: { create: [{ accountId: account.id }] } },
    });
    await syncAccountNow(db.prisma, account.id, direct);
    const state = await ozon.state();
    const open = new Set(writableChatIds(state));
    const chats = await db.prisma.chat.findMany({ where: { accountId: account.id }, select: { id: true, ozonChatId: true } });
    return { accountId: account.id, userId: user.id, writable: chats.filter((chat) => open.has(chat.ozonChatId)) };
  });
  if (writable.length === 0) throw new Error("The emulator has no chat the seller may write to.");

  const run = randomBytes(3).toString("hex");
  const jobs = Array.from({ length: options.sends }, (_, i) => {
    const chat = writable[i % writable.length]!;
    return { chatId: chat.id, ozonChatId: chat.ozonChatId, clientId: `soak-${run}-${i}`, text: `Ответ ${i + 1} из ${options.sends} · ${run}` };
  });

  // Five kinds of fault, each with the same share, on both methods: together `faultRate` of the calls.
  const each = 1 - (1 - options.faultRate) ** (1 / 5);
  for (const path of [SEND, HISTORY]) {
    await ozon.addFault({ path, mode: "error", status: 500, rate: each });
    await ozon.addFault({ path, mode: "error", status: 503, rate: each });
    await ozon.addFault({ path, mode: "drop", rate: each });
    await ozon.addFault({ path, mode: "rate_limit", rate: each, retry_after_seconds: 1 });
    await ozon.addFault({ path, mode: "timeout_after_apply", rate: each, delay_ms: 1500 });
  }
  await ozon.resetCalls();

  const env = {
    DATABASE_URL: options.database.kind === "postgres" ? options.database.url : "",
    PGLITE_DIR: options.database.kind === "pglite" ? options.database.dir : "",
    OZON_API_URL: options.emulatorUrl,
    SYNC_ENABLED: "false",
    OUTBOX_LEASE_TTL_MS: "3000",
    OUTBOX_POLL_INTERVAL_MS: "250",
    OUTBOX_MAX_BACKOFF_MS: "4000",
    OUTBOX_MAX_ATTEMPTS: "20",
    ...options.env,
  };
  const concurrency = options.concurrency ?? 8;
  const killAfter = options.killAfter ?? Math.floor(options.sends / 2);
  const payload = (list: typeof jobs) => list.map(({ chatId, clientId, text }) => ({ chatId, clientId, text }));

  log(`sending ${jobs.length} texts to ${writable.length} chats, ${Math.round(options.faultRate * 100)} % faults; SIGKILL after ${killAfter} answers`);
  const first = spawnOutboxChild(env, { mode: "soak", accountId, userId, jobs: payload(jobs), concurrency });
  let answered = 0;
  await first.waitForLine((line) => line.startsWith("DONE ") && ++answered >= killAfter);
  await first.kill();
  const startedIds = new Set(first.output().split("\n").filter((line) => line.startsWith("START ")).map((line) => line.slice(6)));
  const doneIds = new Set(first.output().split("\n").filter((line) => line.startsWith("DONE ")).map((line) => line.split(" ")[1]!));
  const rows = await withDb((db) => db.prisma.outboxMessage.findMany({ where: { accountId }, select: { clientId: true } }));
  const withRow = new Set(rows.map((row) => row.clientId));
  const reposted = jobs.filter((job) => startedIds.has(job.clientId) && !withRow.has(job.clientId));
  const notStarted = jobs.filter((job) => !startedIds.has(job.clientId));
  log(`killed: ${doneIds.size} answered, ${startedIds.size - doneIds.size} in flight (${reposted.length} of them without a row yet)`);

  const restartedAt = Date.now();
  const second = spawnOutboxChild(env, { mode: "soak", accountId, userId, jobs: payload([...reposted, ...notStarted]), concurrency });
  await second.waitForLine((line) => line === "DRAINED");
  const settleAfterRestartMs = Date.now() - restartedAt;
  await second.exited;
  const calls = await ozon.calls();
  await ozon.clearFaults();
  log(`restarted: every row settled ${Math.round(settleAfterRestartMs / 1000)} s after the restart`);

  return withDb(async (db) => {
    // The sync brings what the sends did not cache (a message whose lookup failed): then cache = Ozon.
    await syncAccountNow(db.prisma, accountId, direct, { full: true });
    const state = await ozon.state();
    const outbox = await db.prisma.outboxMessage.findMany({ where: { accountId } });
    const byClient = new Map(outbox.map((row) => [row.clientId, row]));
    let lost = 0;
    let duplicated = 0;
    let stuck = 0;
    let failed = 0;
    let unattributed = 0;
    for (const job of jobs) {
      const atOzon = state.chats.find((c) => c.chat_id === job.ozonChatId)!.messages.filter((m) => m.data.join("\n") === job.text);
      const row = byClient.get(job.clientId);
      if (row?.state === "FAILED") failed += 1;
      else if (atOzon.length === 0) lost += 1;
      if (atOzon.length > 1) duplicated += 1;
      if (!row || ["PENDING", "SENDING", "UNKNOWN"].includes(row.state)) stuck += 1;
      if (atOzon.length === 1) {
        const cached = await db.prisma.message.findMany({ where: { chatId: job.chatId, text: job.text } });
        if (cached.length !== 1 || cached[0]!.clientId !== job.clientId || cached[0]!.sentByUserId !== userId) unattributed += 1;
      }
    }
    const attempts: Record<string, number> = {};
    for (const row of outbox) attempts[row.attempts] = (attempts[row.attempts] ?? 0) + 1;
    return {
      sends: jobs.length,
      faultRate: options.faultRate,
      answeredBeforeKill: doneIds.size,
      inFlightAtKill: startedIds.size - doneIds.size,
      repostedWithoutRow: reposted.length,
      lost,
      duplicated,
      stuck,
      failed,
      unattributed,
      cacheEqualsEmulator: await cacheEqualsEmulator(db, accountId, state),
      ozonCalls: { send: calls.by_path[SEND] ?? 0, history: calls.by_path[HISTORY] ?? 0, total: calls.total },
      attempts,
      settleAfterRestartMs,
      totalMs: Date.now() - started,
    };
  });
}

/** Buyer chats of FBS/rFBS postings paid and not delivered yet, and open support chats: the seller may write there. */
function writableChatIds(state: EmulatorState): string[] {
  const buyer = state.postings
    .filter((p) => p.delivery_schema !== "FBO" && ["awaiting_packaging", "awaiting_deliver"].includes(String(p.status)) && p.chat_id)
    .map((p) => String(p.chat_id));
  const support = state.chats.filter((c) => c.chat_type.toUpperCase() === "SELLER_SUPPORT" && c.chat_status.toUpperCase() === "OPENED").map((c) => c.chat_id);
  return [...new Set([...buyer, ...support])];
}

/** Every chat's messages in the cache are Ozon's: the same ids with the same texts, none missing, none extra. */
async function cacheEqualsEmulator(db: OpenDatabase, accountId: string, state: EmulatorState): Promise<boolean> {
  const chats = await db.prisma.chat.findMany({
    where: { accountId },
    select: { ozonChatId: true, messages: { select: { ozonMessageId: true, text: true }, orderBy: { ozonMessageId: "asc" } } },
  });
  const cached = new Map(chats.map((c) => [c.ozonChatId, c.messages.map((m) => `${m.ozonMessageId}:${m.text}`).join("\n")]));
  return state.chats.every((chat) => {
    const ozon = [...chat.messages].sort((a, b) => (BigInt(a.message_id) < BigInt(b.message_id) ? -1 : 1));
    return cached.get(chat.chat_id) === ozon.map((m) => `${m.message_id}:${m.data.join("\n")}`).join("\n");
  });
}
