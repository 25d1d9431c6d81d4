/**
 * `npm run soak:outbox`: the outbox soak at full size (lib/testing/run-outbox-soak.ts): 1,000 sends through the app's
 * send path in a process of its own, 20 % faults at Ozon's send and history methods, a SIGKILL midway, a restart,
 * nobody pressing anything. Prints the figures as JSON; exits 1 unless 0 lost, 0 duplicated, 0 stuck.
 *
 *   npm run soak:outbox -- [--sends 1000] [--fault-rate 0.2] [--database postgres|pglite] [--concurrency 8]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmulator } from "../emulator";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { runOutboxSoak } from "../lib/testing/run-outbox-soak";

process.env.AUTH_SECRET ||= "soak-only-auth-secret-0123456789abcdef";
process.env.ENCRYPTION_KEY ||= "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

/** A database of its own on the local PostgreSQL (user postgres, trust), dropped at the end. */
async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `seller_inbox_soak_${randomBytes(4).toString("hex")}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function main() {
  const { values } = parseArgs({
    options: {
      sends: { type: "string", default: "1000" },
      "fault-rate": { type: "string", default: "0.2" },
      database: { type: "string", default: "postgres" },
      concurrency: { type: "string", default: "8" },
    },
  });
  const emulator = await startEmulator({ port: 0, seed: 1, quiet: true, rateLimit: 50 });
  let cleanup: () => Promise<void>;
  let database;
  if (values.database === "pglite") {
    const dir = mkdtempSync(path.join(tmpdir(), "outbox-soak-"));
    database = { kind: "pglite" as const, dir: path.join(dir, "db") };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const created = await createPostgresDatabase();
    database = { kind: "postgres" as const, url: created.url };
    cleanup = created.drop;
  }
  try {
    const report = await runOutboxSoak({
      database,
      emulatorUrl: emulator.url,
      sends: Number(values.sends),
      faultRate: Number(values["fault-rate"]),
      concurrency: Number(values.concurrency),
      log: (line) => console.log(line),
    });
    console.log(JSON.stringify({ database: values.database, ...report }, null, 2));
    process.exitCode = report.lost + report.duplicated + report.stuck + report.unattributed === 0 && report.cacheEqualsEmulator ? 0 : 1;
  } finally {
    await cleanup();
    await emulator.close();
  }
}

void main();
