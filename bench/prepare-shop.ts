/**
 * A bench shop: a PostgreSQL database of its own (migrated with our runner), the admin and the agents who sign in,
 * the demo seller connected with createSellerAccount, and the import done with the app's own sync
 * (syncAccountNow, default concurrency). Run after the environment holds the bench's secrets.
 */
import pg from "pg";
import type { Db } from "@/lib/db/client";
import type { OzonConnection } from "@/lib/ozon";

export const ADMIN_EMAIL = "bench-admin@bench.local";
export const AGENT_EMAIL = (i: number) => `bench-agent-${i}@bench.local`;
export const BENCH_PASSWORD = "bench-password-123";
const DEMO_CLIENT = { clientId: "demo-client", apiKey: "demo-api-key" };
const ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export function benchDatabaseUrl(name: string): string {
  return `postgresql://postgres@127.0.0.1:5432/${name}`;
}

export async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

export async function recreateDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * The Ozon connection the import uses: the app's, except the rate limiter. Ozon allows 50 calls a second; the bench
 * lifts that (emulator --rate-limit 0, no limiter here) so the import time shows the app's own cost. At Ozon's real
 * limit the import takes calls / 50 seconds whatever the app does.
 */
export function benchConnection(emulatorUrl: string): OzonConnection {
  return { baseUrl: emulatorUrl, ...DEMO_CLIENT, timeoutMs: 60_000 };
}

export type ImportFigures = {
  wallMs: number;
  /** Ozon calls of the questions and reviews part of the import (counts, lists, answers, comments, product cards). */
  feedbackCalls?: number;
  questions?: number;
  reviews?: number;
  listCalls: number;
  historyCalls: number;
  /** Ozon-API calls the emulator counted during the import. */
  emulatorCalls: number;
  fewestCalls: number;
  chats: number;
  messages: number;
};

export type Shop = { db: Db; close(): Promise<void>; accountId: string };

async function emulatorCalls(emulatorUrl: string): Promise<number> {
  const calls = (await (await fetch(`${emulatorUrl}/__emulator/calls`)).json()) as { total: number };
  return calls.total;
}

/** Opens (and migrates) the bench database; creates people and the account when `fresh`. */
export async function openShop(url: string, emulatorUrl: string, agents: number, fresh: boolean): Promise<Shop> {
  const { openDatabase } = await import("@/lib/db/client");
  const database = openDatabase({ kind: "postgres", url });
  await database.migrate();
  const db = database.prisma;
  if (fresh) {
    const { createFirstAdmin } = await import("@/lib/auth/create-first-admin");
    const { createUser } = await import("@/lib/auth/create-user");
    const { createSellerAccount } = await import("@/lib/accounts/create-seller-account");
    await createFirstAdmin(db, { name: "Bench admin", email: ADMIN_EMAIL, password: BENCH_PASSWORD });
    const account = await createSellerAccount(db, { name: "Bench shop", ...DEMO_CLIENT }, { ozonApiUrl: emulatorUrl });
    for (let i = 0; i < agents; i++) {
      await createUser(db, { name: `Bench agent ${i}`, email: AGENT_EMAIL(i), password: BENCH_PASSWORD, accountIds: [account.id] });
    }
  }
  const account = await db.sellerAccount.findUniqueOrThrow({ where: { clientId: DEMO_CLIENT.clientId }, select: { id: true } });
  return { db, close: () => database.close(), accountId: account.id };
}

/**
 * Autovacuum's ANALYZE, which this machine's PostgreSQL runs without: every 30 s while the import runs. Without it the
 * planner keeps the statistics of the empty tables the import started from and chose a parallel scan of all the
 * messages for each batch of 50 chats the import's postings step reads (0.3 s a batch, a thousand batches) where a
 * server with autovacuum, as in production, uses the index.
 */
function analyzeWhileImporting(db: Db): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => db.$executeRawUnsafe("ANALYZE")).catch(() => undefined);
  }, 30_000);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** The whole import of the shop, timed, with its Ozon calls against the fewest possible for what it imported. */
export async function importShop(shop: Shop, emulatorUrl: string): Promise<ImportFigures> {
  const { syncAccountNow } = await import("@/lib/sync/sync-account-now");
  await fetch(`${emulatorUrl}/__emulator/calls`, { method: "DELETE" });
  const started = performance.now();
  const analyzing = analyzeWhileImporting(shop.db);
  const report = await syncAccountNow(shop.db, shop.accountId, benchConnection(emulatorUrl)).finally(() => analyzing.stop());
  const wallMs = performance.now() - started;
  if (report.mode !== "import") throw new Error(`Expected an import pass, got ${report.mode}`);
  // Fewest calls for the chats imported: a list page per 100 chats, a history page per 1,000 messages of each chat.
  // Questions and reviews are chat rows too, but not Ozon chats: counted apart (feedbackCalls).
  const [counts] = await shop.db.$queryRaw<{ chats: bigint; messages: bigint; pages: bigint }[]>`
    SELECT count(*) AS chats, coalesce(sum(n), 0)::bigint AS messages, coalesce(sum(ceil(n / 1000.0)), 0)::bigint AS pages
    FROM (SELECT (SELECT count(*) FROM messages m WHERE m.chat_id = c.id) AS n FROM chats c
           WHERE c.account_id = ${shop.accountId} AND c.type NOT IN ('question', 'review')) per_chat`;
  const chats = Number(counts!.chats);
  const feedback = report.feedback;
  const kinds = await shop.db.chat.groupBy({ by: ["type"], where: { accountId: shop.accountId, type: { in: ["question", "review"] } }, _count: true });
  const ofKind = (type: string) => kinds.find((k) => k.type === type)?._count ?? 0;
  return {
    wallMs,
    feedbackCalls: feedback ? feedback.questionCalls + feedback.reviewCalls + feedback.otherCalls : 0,
    questions: ofKind("question"),
    reviews: ofKind("review"),
    listCalls: report.listCalls,
    historyCalls: report.historyCalls,
    emulatorCalls: await emulatorCalls(emulatorUrl),
    fewestCalls: Math.ceil(chats / 100) + Number(counts!.pages),
    chats,
    messages: Number(counts!.messages),
  };
}

/** One incremental poll with nothing new at Ozon: its Ozon calls, as the emulator counts them. */
export async function idlePoll(shop: Shop, emulatorUrl: string): Promise<{ calls: number; listCalls: number; historyCalls: number; mode: string }> {
  const { syncAccountNow } = await import("@/lib/sync/sync-account-now");
  await fetch(`${emulatorUrl}/__emulator/calls`, { method: "DELETE" });
  const report = await syncAccountNow(shop.db, shop.accountId, benchConnection(emulatorUrl), { fullPassIntervalMs: 0 });
  return { calls: await emulatorCalls(emulatorUrl), listCalls: report.listCalls, historyCalls: report.historyCalls, mode: report.mode };
}

/** Grows one chat to `total` messages through the emulator's control API (buyer messages), before the import. */
export async function growChat(emulatorUrl: string, chatId: string, add: number): Promise<void> {
  const batch = 20;
  for (let i = 0; i < add; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, add - i) }, (_, j) =>
        fetch(`${emulatorUrl}/__emulator/buyer-message`, {
          method: "POST",
          body: JSON.stringify({ chat_id: chatId, text: `Сообщение для прокрутки № ${i + j + 1}` }),
        }).then((r) => {
          if (!r.ok) throw new Error(`buyer-message: ${r.status}`);
        }),
      ),
    );
  }
}
