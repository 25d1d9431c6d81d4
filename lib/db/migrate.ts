/**
 * Our migration runner: applies prisma/migrations/<name>/migration.sql the way
 * `prisma migrate deploy` does, because the Prisma CLI's schema engine cannot run offline.
 *
 * It keeps Prisma's own bookkeeping table `_prisma_migrations` exactly as Prisma does, so
 * `prisma migrate deploy` / `migrate status` run elsewhere against the same database agree with
 * us. Sources (prisma-engines, schema-engine/connectors/sql-schema-connector):
 * - the table DDL is the PostgreSQL flavour's `CREATE TABLE _prisma_migrations (...)`
 *   (flavour/postgres.rs), reproduced in PRISMA_MIGRATIONS_DDL below;
 * - rows: `record_migration_started` inserts (id = random UUID v4, checksum, migration_name,
 *   started_at = now()); after the script ran, `record_successful_step` increments
 *   applied_steps_count (to 1: a migration.sql is one step) and `record_migration_finished` sets
 *   finished_at; on failure `record_failed_step` stores the error in `logs` and finished_at stays
 *   NULL — a "failed migration" that blocks every later deploy (Prisma's P3009) until someone
 *   runs `prisma migrate resolve` (which sets rolled_back_at, or marks it applied);
 * - checksum = lower-case hex SHA-256 of the migration.sql bytes (migration-connector
 *   checksum.rs), which also accepts the checksum of the script with its line endings switched
 *   between CRLF and LF, so a Windows checkout still matches;
 * - migrations are applied in directory-name order; a migration counts as applied when it has
 *   a row that is not rolled back;
 * - concurrent deploys are serialised with the session-level advisory lock
 *   `pg_advisory_lock(72707369)` (flavour/postgres.rs `acquire_lock`). We take the same lock
 *   (polling pg_try_advisory_lock, so that we can time out with a clear message), so our runner
 *   and a real `prisma migrate deploy` also exclude each other.
 *
 * Stricter than Prisma: an applied migration whose file changed (checksum mismatch) is refused
 * here (Prisma only warns about it in `migrate dev`/`status`), and each migration's script runs
 * in a transaction together with its "finished" bookkeeping, so a crash never leaves a
 * half-applied migration recorded as finished or a finished one recorded as failed.
 */
import { createHash, randomUUID } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";

/**
 * The minimal database access the runner needs. It must be ONE session (a PGlite instance, a
 * `pg.Client`, or a checked-out `pg.PoolClient`), never a pool: the advisory lock and the
 * transactions belong to a connection.
 */
export interface MigrationExecutor {
  /** Run a parameterless script that may hold several statements. */
  exec(sql: string): Promise<void>;
  /** Run one statement with $1-style parameters and return its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/** The parts of PGlite (`@electric-sql/pglite`) the runner uses. */
export interface PGliteLike {
  exec(sql: string): Promise<unknown>;
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
}

/** The parts of a pg `Client`/`PoolClient` the runner uses. */
export interface PgClientLike {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

export function pgliteExecutor(db: PGliteLike): MigrationExecutor {
  return {
    async exec(sql) {
      await db.exec(sql);
    },
    async query<Row>(sql: string, params?: unknown[]) {
      return (await db.query<Row>(sql, params)).rows;
    },
  };
}

export function pgExecutor(client: PgClientLike): MigrationExecutor {
  return {
    async exec(sql) {
      // Without parameters pg uses the simple query protocol, which accepts several statements.
      await client.query(sql);
    },
    async query<Row>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params ?? [])).rows as Row[];
    },
  };
}

/** Prisma's advisory lock key for migrations (prisma-engines, flavour/postgres.rs). */
export const PRISMA_MIGRATION_LOCK_ID = 72707369;

/**
 * Prisma's `_prisma_migrations` DDL for PostgreSQL (prisma-engines flavour/postgres.rs): same
 * columns, types, nullability and defaults. lib/db/migrate.test.ts checks it against the table
 * Prisma's own schema engine (its wasm build) creates.
 */
const PRISMA_MIGRATIONS_DDL = `CREATE TABLE "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

/** prisma/migrations, relative to the working directory (the repo root for npm scripts and Next). */
export const DEFAULT_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export interface MigrationFile {
  /** The directory name, e.g. `20261125083000_init`. */
  name: string;
  /** migration.sql as text. */
  sql: string;
  /** Lower-case hex SHA-256 of migration.sql's bytes, as Prisma computes it. */
  checksum: string;
}

export interface ApplyMigrationsOptions {
  /** Where the migration directories are; default `<cwd>/prisma/migrations`. */
  migrationsDir?: string;
  /** How long to wait for another instance holding the migration lock; default 60 s. */
  lockTimeoutMs?: number;
  /** Progress messages (one per applied migration); default: silent. */
  log?: (message: string) => void;
}

export interface ApplyMigrationsResult {
  /** Names of the migrations this call applied, in order (empty when up to date). */
  applied: string[];
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

function checksumOf(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Prisma accepts a script's checksum also with its line endings switched (Windows checkouts). */
function checksumMatches(bytes: Buffer, recorded: string): boolean {
  if (checksumOf(bytes) === recorded) return true;
  const text = bytes.toString("utf8");
  const lf = text.replace(/\r\n/g, "\n");
  if (checksumOf(lf) === recorded) return true;
  return checksumOf(lf.replace(/\n/g, "\r\n")) === recorded;
}

interface LoadedMigration extends MigrationFile {
  bytes: Buffer;
}

async function loadMigrations(dir: string): Promise<LoadedMigration[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new MigrationError(`Cannot read the migrations directory ${dir}: ${String(error)}`);
  }
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrations: LoadedMigration[] = [];
  for (const name of names) {
    const file = path.join(dir, name, "migration.sql");
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch {
      throw new MigrationError(`Migration ${name} has no migration.sql (${file}).`);
    }
    migrations.push({ name, bytes, sql: bytes.toString("utf8"), checksum: checksumOf(bytes) });
  }
  return migrations;
}

/** The migrations found on disk, in the order they apply. */
export async function listMigrations(migrationsDir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  return (await loadMigrations(migrationsDir)).map(({ name, sql, checksum }) => ({ name, sql, checksum }));
}

interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  logs: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function acquireLock(db: MigrationExecutor, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      PRISMA_MIGRATION_LOCK_ID,
    ]);
    if (row?.locked) return;
    if (Date.now() >= deadline) {
      throw new MigrationError(
        `Timed out after ${timeoutMs} ms waiting for the migration lock (pg_advisory_lock(${PRISMA_MIGRATION_LOCK_ID})). ` +
          "Another instance or `prisma migrate` is migrating this database, or a session still holds the lock.",
      );
    }
    await sleep(100 + Math.floor(Math.random() * 100));
  }
}

async function releaseLock(db: MigrationExecutor): Promise<void> {
  await db.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATION_LOCK_ID]);
}

async function ensureMigrationsTable(db: MigrationExecutor): Promise<void> {
  // Looked up in the current schema (the search_path's first), where Prisma creates it too.
  const [row] = await db.query<{ exists: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relname = '_prisma_migrations' AND n.nspname = current_schema()
     ) AS "exists"`,
  );
  if (!row?.exists) await db.exec(PRISMA_MIGRATIONS_DDL);
}

/**
 * Applies the pending migrations, in name order, each in its own transaction, holding Prisma's
 * migration advisory lock throughout. Idempotent: returns `{ applied: [] }` when up to date.
 * Throws a MigrationError (applying nothing) when an applied migration's file changed, when a
 * previous migration failed and was not resolved, or when a migration fails (which is then
 * recorded as failed, as Prisma does).
 */
export async function applyMigrations(
  db: MigrationExecutor,
  options: ApplyMigrationsOptions = {},
): Promise<ApplyMigrationsResult> {
  const migrations = await loadMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const log = options.log ?? (() => {});
  await acquireLock(db, options.lockTimeoutMs ?? 60_000);
  try {
    await ensureMigrationsTable(db);
    const rows = await db.query<MigrationRow>(
      `SELECT id, checksum, migration_name, finished_at, rolled_back_at, logs
       FROM "_prisma_migrations" ORDER BY started_at ASC`,
    );
    const live = rows.filter((row) => row.rolled_back_at === null);

    const failed = live.filter((row) => row.finished_at === null);
    if (failed.length > 0) {
      const list = failed
        .map((row) => `  - ${row.migration_name}${row.logs ? `: ${row.logs.split("\n")[0]}` : ""}`)
        .join("\n");
      throw new MigrationError(
        `Found failed migrations in the database (finished_at is NULL, not rolled back); ` +
          `new migrations will not be applied:\n${list}\n` +
          "Fix the database, then mark each one with `npx prisma migrate resolve --rolled-back <name>` " +
          "(or `--applied <name>` if its changes are in place).",
      );
    }

    const onDisk = new Map(migrations.map((migration) => [migration.name, migration]));
    for (const row of live) {
      const migration = onDisk.get(row.migration_name);
      if (migration && !checksumMatches(migration.bytes, row.checksum)) {
        throw new MigrationError(
          `Migration ${row.migration_name} was modified after it was applied ` +
            `(checksum in the database ${row.checksum}, on disk ${migration.checksum}). ` +
            "Applied migrations must not change: restore the file and put the change in a new migration.",
        );
      }
    }

    const appliedNames = new Set(live.map((row) => row.migration_name));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (appliedNames.has(migration.name)) continue;
      const id = randomUUID();
      // Recorded outside the transaction, like Prisma, so that a failure stays on record.
      await db.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
        [id, migration.checksum, migration.name],
      );
      try {
        await db.exec("BEGIN");
        await db.exec(migration.sql);
        await db.query(
          `UPDATE "_prisma_migrations"
           SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp()
           WHERE id = $1`,
          [id],
        );
        await db.exec("COMMIT");
      } catch (error) {
        await db.exec("ROLLBACK").catch(() => {});
        const message = error instanceof Error ? error.message : String(error);
        await db.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]);
        throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${message}`, {
          cause: error,
        });
      }
      applied.push(migration.name);
      log(`Applied migration ${migration.name}`);
    }
    return { applied };
  } finally {
    await releaseLock(db).catch(() => {});
  }
}
