/**
 * Route timings with a signed-in session, each interleaved with the same work done directly: a read route beside
 * the SQL its lib function sends (captured from the pg pool under Prisma, replayed with `pg` on the same database),
 * a write route beside the emulator's own answer to the Ozon call it makes.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { summarize, type Summary } from "./stats";

type Query = { text: string; values: unknown[] };

/** A Prisma client on a pg pool whose queries can be recorded, so the bench replays exactly what Prisma sent. */
export async function recordingPrisma(url: string) {
  const { PrismaClient } = await import("@/lib/db/generated/client");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  let recorded: Query[] | null = null;
  const query = pool.query.bind(pool) as (config: unknown, values?: unknown) => Promise<unknown>;
  (pool as unknown as { query: typeof query }).query = (config, values) => {
    if (recorded && typeof config === "object" && config !== null && "text" in config) {
      const { text, values: bound } = config as { text: string; values?: unknown[] };
      recorded.push({ text, values: bound ?? [] });
    }
    return query(config, values);
  };
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    async record(work: () => Promise<unknown>): Promise<Query[]> {
      recorded = [];
      try {
        await work();
        return recorded;
      } finally {
        recorded = null;
      }
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}

export type ReadFigure = {
  name: string;
  path: string;
  route: Summary;
  sql: Summary;
  /** route p95 / sql p95 */
  ratio: number;
  /** Ozon calls the route made per request (the emulator's count). */
  ozonCallsPerRequest: number;
  queries: { text: string; values: unknown[]; plan: string }[];
};

export type WriteFigure = { name: string; route: Summary; emulator: Summary; beyondEmulatorMs: number; ozonCallsPerRequest: number };

async function emulatorCalls(emulatorUrl: string): Promise<number> {
  return ((await (await fetch(`${emulatorUrl}/__emulator/calls`)).json()) as { total: number }).total;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function getOk(url: string, cookie: string): Promise<void> {
  const response = await fetch(url, { headers: { cookie } });
  const body = await response.text();
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${body.slice(0, 300)}`);
}

export async function measureRead(options: {
  name: string;
  appUrl: string;
  emulatorUrl: string;
  path: string;
  cookie: string;
  sql: pg.Client;
  queries: Query[];
  runs: number;
  warmup: number;
}): Promise<ReadFigure> {
  const { sql, queries } = options;
  const replay = async () => {
    for (const q of queries) await sql.query({ text: q.text, values: q.values as unknown[] });
  };
  const route: number[] = [];
  const raw: number[] = [];
  const callsBefore = await emulatorCalls(options.emulatorUrl);
  for (let i = 0; i < options.warmup + options.runs; i++) {
    // Alternate which goes first so neither always follows the other's cache effects.
    const first = i % 2 === 0;
    const a = first ? await timed(() => getOk(options.appUrl + options.path, options.cookie)) : await timed(replay);
    const b = first ? await timed(replay) : await timed(() => getOk(options.appUrl + options.path, options.cookie));
    if (i < options.warmup) continue;
    route.push(first ? a : b);
    raw.push(first ? b : a);
  }
  const ozonCallsPerRequest = ((await emulatorCalls(options.emulatorUrl)) - callsBefore) / (options.warmup + options.runs);
  const plans = [];
  for (const q of queries) {
    const result = await sql.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, values: q.values as unknown[] });
    plans.push({ ...q, values: q.values.map(String), plan: result.rows.map((row: Record<string, string>) => row["QUERY PLAN"]).join("\n") });
  }
  const routeSummary = summarize(route);
  const sqlSummary = summarize(raw);
  return { name: options.name, path: options.path, route: routeSummary, sql: sqlSummary, ratio: routeSummary.p95 / sqlSummary.p95, ozonCallsPerRequest, queries: plans };
}

async function postOk(url: string, cookie: string | null, body: unknown, headers: Record<string, string> = {}): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}), ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${text.slice(0, 300)}`);
}

/** A write route beside the Ozon call it makes, sent straight to the emulator: the difference is the app's own time. */
export async function measureWrite(options: {
  name: string;
  appUrl: string;
  emulatorUrl: string;
  path: string;
  cookie: string;
  routeBody: () => unknown;
  ozonPath: string;
  ozonBody: () => unknown;
  runs: number;
  warmup: number;
}): Promise<WriteFigure> {
  const ozonHeaders = { "Client-Id": "demo-client", "Api-Key": "demo-api-key" };
  const route: number[] = [];
  const direct: number[] = [];
  const callsBefore = await emulatorCalls(options.emulatorUrl);
  for (let i = 0; i < options.warmup + options.runs; i++) {
    const a = await timed(() => postOk(options.appUrl + options.path, options.cookie, options.routeBody()));
    const b = await timed(() => postOk(options.emulatorUrl + options.ozonPath, null, options.ozonBody(), ozonHeaders));
    // A pause, untimed: back to back, a send's three Ozon calls would exceed the app's 50 a second and the
    // figure would show its rate limiter's waits instead of the route's own time.
    await new Promise((resolve) => setTimeout(resolve, 60));
    if (i < options.warmup) continue;
    route.push(a);
    direct.push(b);
  }
  const total = options.warmup + options.runs;
  // Less the direct calls, one per iteration.
  const ozonCallsPerRequest = ((await emulatorCalls(options.emulatorUrl)) - callsBefore - total) / total;
  const routeSummary = summarize(route);
  const emulatorSummary = summarize(direct);
  return { name: options.name, route: routeSummary, emulator: emulatorSummary, beyondEmulatorMs: routeSummary.median - emulatorSummary.median, ozonCallsPerRequest };
}

export function sendBodies(chatOzonId: string) {
  let n = 0;
  return {
    route: () => ({ clientId: randomUUID(), text: `Бенчмарк: ответ продавца ${++n}` }),
    ozon: () => ({ chat_id: chatOzonId, text: `Бенчмарк: прямой вызов ${++n}` }),
  };
}
