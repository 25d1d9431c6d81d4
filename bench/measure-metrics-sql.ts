/**
 * The metrics page's data at size, without the app around it: a PostgreSQL database of its own seeded directly with
 * SQL (one account, `--agents` agents, `--chats` buyer chats × `--messages` messages, buyer and seller alternating
 * 3 h apart, each reply 1–120 min after its question, one chat in five ending on an unanswered buyer message, one
 * reply in ten sent in Ozon's portal; the chats' last messages spread over the last 40 days), then:
 * - the whole shop's turns and sums computed from nothing (every chat marked, refreshChatTurns in batches until none
 *   is left);
 * - a message stored in a chat (storeMessages) and its chat's turns computed again, one at a time;
 * - loadAccountMetrics for the last 30 days (the page's data: catch-up + the statement over the kept sums), and that
 *   statement alone with `pg`, interleaved, `--runs` times each; the statement over the range's turns and messages
 *   (for ranges the sums do not cover) alone, `--rows-runs` times.
 *
 *   npx tsx --conditions=react-server bench/measure-metrics-sql.ts [--chats 50000] [--messages 20] [--runs 25] [--reuse]
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { benchDatabaseUrl, databaseExists, recreateDatabase } from "./prepare-shop";
import { round, summarize } from "./stats";

const { values } = parseArgs({
  options: {
    chats: { type: "string", default: "50000" },
    messages: { type: "string", default: "20" },
    agents: { type: "string", default: "50" },
    runs: { type: "string", default: "25" },
    "rows-runs": { type: "string", default: "5" },
    reuse: { type: "boolean", default: false },
    "keep-sums": { type: "boolean", default: false },
    database: { type: "string", default: "bench_metrics" },
  },
});
const CHATS = Number(values.chats);
const PER_CHAT = Number(values.messages);
const AGENTS = Number(values.agents);
const RUNS = Number(values.runs);
const url = benchDatabaseUrl(values.database);

const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};

async function main() {
  const fresh = !values.reuse || !(await databaseExists(values.database));
  if (fresh) await recreateDatabase(values.database);
  const { openDatabase } = await import("@/lib/db/client");
  const database = openDatabase({ kind: "postgres", url });
  await database.migrate();
  const db = database.prisma;
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  // As loadAccountMetrics runs its statement (without JIT, which costs seconds of compiling for it).
  await sql.query("SET jit = off");

  if (fresh) {
    const account = await db.sellerAccount.create({
      data: { id: "bench-account", name: "Bench shop", clientId: "bench", apiKeyCiphertext: new Uint8Array([1]), apiKeyLast4: "1234" },
    });
    const [, seedMs] = await time(async () => {
      await sql.query(
        `INSERT INTO users (id, email, name, password_hash, role, updated_at)
         SELECT 'agent-' || a, 'agent-' || a || '@bench.local', 'Agent ' || a, 'x', 'AGENT', now() FROM generate_series(0, $1 - 1) a`,
        [AGENTS],
      );
      await sql.query(
        `INSERT INTO chats (id, account_id, ozon_chat_id, type, is_buyer_chat, created_at, updated_at)
         SELECT 'chat-' || c, $1, 'ozon-' || c, 'buyer_seller', true, now(), now() FROM generate_series(1, $2) c`,
        [account.id, CHATS],
      );
      await sql.query("ALTER TABLE messages DISABLE TRIGGER USER");
      // Chat c's last message: c / CHATS × 40 days ago; message i: (PER_CHAT − 1 − i) × 3 h before it (a reply 1–120 min
      // after its question). One chat in five ends on a second buyer message instead of a reply.
      await sql.query(
        `INSERT INTO messages (id, chat_id, ozon_message_id, author_type, author_id, text, is_read, created_at, sent_by_user_id)
         SELECT 'm-' || c || '-' || i, 'chat-' || c, c::bigint * 1000 + i, s.author, s.author || '-id', 'text ' || i, true,
                (now() AT TIME ZONE 'UTC') - (c::float8 / $1) * interval '40 days' - ($2 - 1 - i) * interval '3 hours'
                  - CASE WHEN s.author = 'seller' THEN interval '3 hours' - (1 + (c * 7 + i) % 120) * interval '1 minute' ELSE interval '0' END,
                CASE WHEN s.author = 'seller' AND (c + i) % 10 <> 0 THEN 'agent-' || ((c * 31 + i) % $3) END
           FROM generate_series(1, $1) c, generate_series(0, $2 - 1) i,
                LATERAL (SELECT CASE WHEN i % 2 = 0 OR (c % 5 = 0 AND i = $2 - 1) THEN 'customer' ELSE 'seller' END AS author) s`,
        [CHATS, PER_CHAT, AGENTS],
      );
      await sql.query("ALTER TABLE messages ENABLE TRIGGER USER");
      await sql.query(
        `UPDATE chats c SET last_message_at = x.at, last_message_id = x.id
           FROM (SELECT chat_id, max(created_at) AS at, max(ozon_message_id) AS id FROM messages GROUP BY chat_id) x
          WHERE x.chat_id = c.id`,
      );
      await sql.query("VACUUM ANALYZE");
    });
    console.log(`seeded in ${round(seedMs / 1000)} s`);
  }

  const { refreshChatTurns } = await import("@/lib/metrics/refresh-chat-turns");
  const counts = (
    await sql.query(
      `SELECT (SELECT count(*) FROM chats)::int AS chats, (SELECT count(*) FROM messages)::int AS messages,
              (SELECT count(*) FROM messages WHERE created_at >= (now() AT TIME ZONE 'UTC') - interval '30 days')::int AS messages_30d,
              (SELECT count(DISTINCT chat_id) FROM messages WHERE created_at >= (now() AT TIME ZONE 'UTC') - interval '30 days')::int AS chats_30d`,
    )
  ).rows[0];
  console.log("shop", counts);

  // The whole shop from nothing: every chat marked, computed in batches (unless --keep-sums on a reused database).
  if (!values["keep-sums"] || fresh) await backfill();
  async function backfill() {
    await sql.query("TRUNCATE chat_turns, chat_metric_parts, metric_hours, metric_day_responses");
    await sql.query(`INSERT INTO chat_turn_marks (chat_id, account_id) SELECT id, account_id FROM chats ON CONFLICT DO NOTHING`);
    const [, backfillMs] = await time(async () => {
      while ((await refreshChatTurns(db, { limit: 500 })) > 0);
    });
    await sql.query("VACUUM ANALYZE chat_turns, chat_metric_parts, metric_hours, metric_day_responses");
    const turns = (await sql.query("SELECT count(*)::int AS n FROM chat_turns")).rows[0].n;
    console.log(`backfill: ${turns} turns of ${counts.chats} chats in ${round(backfillMs / 1000)} s (${round(backfillMs / counts.messages * 1000, 1)} µs a message)`);
  }

  // One message stored, then its chat computed again (what the background loop does per stored message).
  const { storeMessages } = await import("@/lib/cache/store-messages");
  const perMessage: number[] = [];
  const storeOnly: number[] = [];
  for (let n = 0; n < RUNS; n++) {
    const chat = `chat-${1 + ((n * 997) % CHATS)}`;
    const id = String(BigInt((await sql.query("SELECT max(ozon_message_id)::text AS id FROM messages")).rows[0].id) + 1n);
    const message = {
      messageId: id,
      user: { id: "buyer", type: "customer" as const, rawType: "Customer" },
      createdAt: new Date().toISOString(),
      isRead: false,
      isImage: false,
      moderateImageStatus: null,
      data: ["ещё вопрос"],
      context: null,
    };
    const [, storeMs] = await time(() => storeMessages(db, { id: chat }, [message]));
    const [computed, refreshMs] = await time(() => refreshChatTurns(db, { limit: 10 }));
    if (computed !== 1) throw new Error(`expected one chat computed, got ${computed}`);
    storeOnly.push(storeMs);
    perMessage.push(refreshMs);
  }
  console.log("store one message (incl. its mark)", summarize(storeOnly));
  console.log("compute its chat's turns again", summarize(perMessage));

  // The page's data for 30 days (catch-up + the statement over the kept sums), that statement alone, and the
  // statement over the range's turns and messages (the one for ranges the sums do not cover) alone.
  const { loadAccountMetrics } = await import("@/lib/metrics/load-account-metrics");
  const { ACCOUNT_METRICS_SQL } = await import("@/lib/metrics/metrics-sql");
  const { ACCOUNT_METRICS_SUMS_SQL } = await import("@/lib/metrics/metrics-sums-sql");
  const { resolveMetricsRange } = await import("@/lib/metrics/resolve-metrics-range");
  const page: number[] = [];
  const sumsStatement: number[] = [];
  const rowsStatement: number[] = [];
  let figures: unknown = null;
  for (let n = 0; n < RUNS + 2; n++) {
    const now = new Date();
    const range = resolveMetricsRange({ range: "30d" }, now);
    const params = ["bench-account", range.from.toISOString(), range.to.toISOString(), now.toISOString(), range.timeZone, null];
    const [m, pageMs] = await time(() => loadAccountMetrics(db, { accountId: "bench-account", range, now }));
    const [, sumsMs] = await time(() => sql.query(ACCOUNT_METRICS_SUMS_SQL, params));
    if (n < 2) continue; // warm-up
    page.push(pageMs);
    sumsStatement.push(sumsMs);
    if (n < 2 + Number(values["rows-runs"])) rowsStatement.push((await time(() => sql.query(ACCOUNT_METRICS_SQL, params)))[1]);
    figures = { turns: m.team.turns, medianS: m.team.medianResponseSeconds, messagesSent: m.team.messagesSent, buyerMessages: m.team.buyerMessages, agents: m.agents.length };
  }
  console.log("figures", figures);
  console.log("loadAccountMetrics 30 d (catch-up + sums statement)", summarize(page));
  console.log("sums statement alone 30 d", summarize(sumsStatement));
  console.log("rows statement alone 30 d (turns + messages)", summarize(rowsStatement));
  await sql.end();
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
