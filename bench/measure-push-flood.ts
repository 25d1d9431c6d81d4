/**
 * A push flood (issue 12): `pushes` buyer messages over `seconds`, spread over up to 100 buyer chats, each pushed by
 * the emulator to the production app as Ozon would (its 5 s timeout, its retries). Ozon suspends a push URL that
 * answers late or not at all, so the figure is how fast every push is acknowledged while the flood lasts — from the
 * emulator's own log of each attempt — with /api/health asked every 100 ms throughout, and afterwards whether every
 * message was stored once and reached the cache (the bench runs the app without its poll: only pushes bring them).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Db } from "@/lib/db/client";
import { issuePushToken } from "@/lib/push/issue-push-token";
import { snapshotChats, waitForPushQueue } from "./chat-snapshot";
import { emulatorCall, pushToApp, stopPushes } from "./emulator-call";
import { appRssMb } from "./processes";
import { summarize, type Summary } from "./stats";

const CHATS = 100;
const HEALTH_EVERY_MS = 100;
const HEALTH_TIMEOUT_MS = 2_000;
const ACK_LIMIT_MS = 1_000;
const DRAIN_TIMEOUT_MS = 600_000;

export type PushFloodFigures = {
  pushes: number;
  chats: number;
  /** From the first buyer message to the last, as sent to the emulator. */
  injectedMs: number;
  /** Every push's first attempt, from the emulator's log: the time until the app answered (or gave up). */
  firstAttempt: Summary;
  /** First attempt's start → push_events.received_at (delivery, the receiver's reads and its INSERT). */
  stored: Summary;
  /** First attempts answered 200 within ACK_LIMIT_MS. */
  acknowledgedUnderLimit: number;
  /** Pushes that needed a retry; pushes never answered 200, retries included. */
  retried: number;
  notAcknowledged: number;
  /** push_events rows for the flood's messages, and how many distinct messages they hold. */
  storedRows: number;
  storedDistinct: number;
  /** Flood messages missing from the cache once the push queue is empty. */
  lost: number;
  /** From the first buyer message until the push queue was empty. */
  drainedMs: number | null;
  health: { requests: number; failures: number; latency: Summary };
  memory: { appIdleMb: number; appPeakMb: number };
};

type Options = {
  appUrl: string;
  emulatorUrl: string;
  databaseUrl: string;
  db: Db;
  accountId: string;
  pushes: number;
  seconds: number;
  appPid: number;
  log: (line: string) => void;
};

type PushLog = {
  done: boolean;
  pushes: { message_id?: string; delivered: boolean; attempts: { sent_at: number; status: number | null; duration_ms: number }[] }[];
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Asks /api/health every HEALTH_EVERY_MS until stopped: each answer's time, and the ones that failed or were late. */
function watchHealth(appUrl: string) {
  const latencies: number[] = [];
  let failures = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`${appUrl}/api/health`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
        await response.arrayBuffer();
        if (!response.ok) failures++;
      } catch {
        failures++;
      }
      const took = performance.now() - started;
      latencies.push(took);
      await sleep(HEALTH_EVERY_MS - took);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { requests: latencies.length, failures, latency: summarize(latencies) };
    },
  };
}

export async function measurePushFlood(options: Options): Promise<PushFloodFigures> {
  const sql = new pg.Client({ connectionString: options.databaseUrl });
  await sql.connect();
  const chats = (
    await sql.query<{ id: string; ozon_chat_id: string }>(
      `SELECT id, ozon_chat_id FROM chats WHERE account_id = $1 AND is_buyer_chat ORDER BY last_message_at DESC NULLS LAST LIMIT $2`,
      [options.accountId, CHATS],
    )
  ).rows;
  const prefix = `pushflood-${randomBytes(4).toString("hex")}`;
  const snapshot = await snapshotChats(
    sql,
    chats.map((c) => c.id),
    "pushflood-",
  );
  try {
    // Ozon's own delivery: its 5 s timeout and its retries (the emulator's compressed schedule).
    await pushToApp({ ...options, issueToken: () => issuePushToken(options.db, options.accountId), retryDelaysMs: [2_000, 5_000, 15_000] });
    await emulatorCall(options.emulatorUrl, "DELETE", "/__emulator/pushes");

    const appIdleMb = appRssMb(options.appPid);
    let appPeakMb = appIdleMb;
    const sampler = setInterval(() => (appPeakMb = Math.max(appPeakMb, appRssMb(options.appPid))), 250);
    const health = watchHealth(options.appUrl);
    const gapMs = (options.seconds * 1000) / options.pushes;
    const started = performance.now();
    const sends: Promise<{ message_id: string }>[] = [];
    for (let i = 0; i < options.pushes; i++) {
      await sleep(started + i * gapMs - performance.now());
      sends.push(
        emulatorCall(options.emulatorUrl, "POST", "/__emulator/buyer-message", {
          client_id: "demo-client",
          chat_id: chats[i % chats.length]!.ozon_chat_id,
          text: `${prefix}-${i}`,
        }),
      );
    }
    const messageIds = (await Promise.all(sends)).map((sent) => sent.message_id);
    const injectedMs = performance.now() - started;
    options.log(`  push flood: ${options.pushes} buyer messages sent in ${(injectedMs / 1000).toFixed(1)} s; waiting for the pushes to settle…`);

    // Every push delivered or out of retries (the last retry comes 22 s after the first attempt).
    const log = await emulatorCall<PushLog>(options.emulatorUrl, "GET", `/__emulator/pushes/wait?client_id=demo-client&count=${options.pushes}&timeout_ms=120000`);
    const drained = await waitForPushQueue(sql, options.accountId, DRAIN_TIMEOUT_MS);
    const drainedMs = drained ? performance.now() - started : null;
    clearInterval(sampler);
    const healthFigures = await health.stop();

    const ours = new Set(messageIds);
    const pushes = log.pushes.filter((p) => p.message_id && ours.has(p.message_id));
    const first = pushes.map((p) => p.attempts[0]).filter((a) => a !== undefined);
    const stored = await sql.query<{ rows: string; distinct: string }>(
      `SELECT count(*) AS rows, count(DISTINCT payload->>'message_id') AS distinct FROM push_events WHERE account_id = $1 AND payload->>'message_id' = ANY($2)`,
      [options.accountId, messageIds],
    );
    const receivedAt = await sql.query<{ id: string; at: number }>(
      `SELECT payload->>'message_id' AS id, extract(epoch FROM received_at) * 1000 AS at FROM push_events WHERE account_id = $1 AND payload->>'message_id' = ANY($2)`,
      [options.accountId, messageIds],
    );
    const sentAt = new Map(pushes.map((p) => [p.message_id!, p.attempts[0]?.sent_at]));
    const storedAfter = receivedAt.rows.flatMap((row) => {
      const sent = sentAt.get(row.id);
      return sent === undefined ? [] : [Number(row.at) - sent];
    });
    const cached = await sql.query<{ n: string }>(
      `SELECT count(*) AS n FROM messages m JOIN chats c ON c.id = m.chat_id WHERE c.account_id = $1 AND m.ozon_message_id = ANY($2::bigint[])`,
      [options.accountId, messageIds],
    );
    const figures: PushFloodFigures = {
      pushes: options.pushes,
      chats: chats.length,
      injectedMs,
      firstAttempt: summarize(first.map((a) => a.duration_ms)),
      stored: summarize(storedAfter),
      acknowledgedUnderLimit: first.filter((a) => a.status === 200 && a.duration_ms < ACK_LIMIT_MS).length,
      retried: pushes.filter((p) => p.attempts.length > 1).length,
      notAcknowledged: options.pushes - pushes.filter((p) => p.delivered).length,
      storedRows: Number(stored.rows[0]!.rows),
      storedDistinct: Number(stored.rows[0]!.distinct),
      lost: options.pushes - Number(cached.rows[0]!.n),
      drainedMs,
      health: healthFigures,
      memory: { appIdleMb, appPeakMb },
    };
    options.log(describe(figures));
    return figures;
  } finally {
    await stopPushes(options.emulatorUrl);
    await waitForPushQueue(sql, options.accountId, 60_000);
    await snapshot.restore();
    await sql.end();
  }
}

function describe(f: PushFloodFigures): string {
  const a = f.firstAttempt;
  return (
    `  push flood: ${f.pushes} pushes over ${f.chats} chats in ${(f.injectedMs / 1000).toFixed(1)} s; first attempt p50/p95/max ` +
    `${a.median.toFixed(0)}/${a.p95.toFixed(0)}/${a.max.toFixed(0)} ms (stored after ${f.stored.median.toFixed(0)}/${f.stored.p95.toFixed(0)}/${f.stored.max.toFixed(0)} ms), ${f.acknowledgedUnderLimit} acknowledged under ${ACK_LIMIT_MS} ms, ` +
    `${f.retried} retried, ${f.notAcknowledged} never acknowledged; stored ${f.storedRows} rows for ${f.storedDistinct} messages, ${f.lost} lost; ` +
    `queue empty after ${f.drainedMs === null ? "(not within the limit)" : `${(f.drainedMs / 1000).toFixed(1)} s`}; ` +
    `health ${f.health.requests} asked, ${f.health.failures} failed, p95 ${f.health.latency.p95.toFixed(0)} ms, max ${f.health.latency.max.toFixed(0)} ms; ` +
    `app RSS ${f.memory.appIdleMb.toFixed(0)} → ${f.memory.appPeakMb.toFixed(0)} MB`
  );
}
