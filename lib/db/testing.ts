/**
 * Test helpers: fresh, migrated databases of both kinds the app supports.
 *
 *   forEachDatabase("chat store", (db) => {
 *     it("stores a chat", async () => {
 *       await db.prisma.user.create({ ... });
 *     });
 *   });
 *
 * runs the block twice: on an in-memory PGlite and on a new PostgreSQL database created on the
 * local server (dropped afterwards). One database per describe block (not per test): call
 * `db.reset()` in a beforeEach for an empty one per test.
 *
 * Environment:
 * - TEST_POSTGRES_URL: the admin connection used to create/drop test databases
 *   (default postgres://postgres@127.0.0.1:5432/postgres).
 * - TEST_POSTGRES=skip: run on PGlite only (for machines without PostgreSQL). Without it, an
 *   unreachable server fails the tests — on purpose, so CI cannot silently lose half its coverage.
 */
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe } from "vitest";
import { PrismaClient } from "./generated/client";
import { applyMigrations, pgExecutor, pgliteExecutor, type ApplyMigrationsOptions, type MigrationExecutor } from "./migrate";

export type TestDatabaseKind = "pglite" | "postgres";

export interface TestDatabase {
  readonly kind: TestDatabaseKind;
  readonly prisma: PrismaClient;
  /** A single session on the same database, for raw SQL (catalog queries, setup). */
  readonly sql: MigrationExecutor;
  /** The connection string (postgres only). */
  readonly url: string | undefined;
  /** Empties every table except `_prisma_migrations`. */
  reset(): Promise<void>;
  /** Disconnects and, for postgres, drops the database. */
  dispose(): Promise<void>;
}

const DEFAULT_TEST_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres";

function testPostgresAdminUrl(): string {
  return process.env.TEST_POSTGRES_URL?.trim() || DEFAULT_TEST_POSTGRES_URL;
}

export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_POSTGRES === "skip" ? ["pglite"] : ["pglite", "postgres"];
}

export interface CreateTestDatabaseOptions {
  /** Apply prisma/migrations (default true). */
  migrate?: boolean;
  migrationOptions?: ApplyMigrationsOptions;
}

async function resetTables(sql: MigrationExecutor): Promise<void> {
  const rows = await sql.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_catalog.pg_class c
     JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`,
  );
  if (rows.length === 0) return;
  await sql.exec(`TRUNCATE TABLE ${rows.map((r) => `"${r.name.replace(/"/g, '""')}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

/** A fresh in-memory PGlite database (migrated unless `migrate: false`). */
async function createPGliteTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const lite = new PGlite();
  const sql = pgliteExecutor(lite);
  if (options.migrate !== false) await applyMigrations(sql, options.migrationOptions);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  return {
    kind: "pglite",
    prisma,
    sql,
    url: undefined,
    reset: () => resetTables(sql),
    async dispose() {
      await prisma.$disconnect();
      await lite.close();
    },
  };
}

/** Creates an empty database with a random name on the test server; returns its URL. */
export async function createEmptyPostgresDatabase(adminUrl = testPostgresAdminUrl()): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `seller_inbox_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `Cannot reach the test PostgreSQL at ${adminUrl} (${String(error)}). ` +
        "Start it, point TEST_POSTGRES_URL at one, or set TEST_POSTGRES=skip to test on PGlite only.",
    );
  }
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A fresh PostgreSQL database on the test server (migrated unless `migrate: false`). */
export async function createPostgresTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const { url, drop } = await createEmptyPostgresDatabase();
  const session = new pg.Client({ connectionString: url });
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // The database is dropped WITH (FORCE) at the end, which kills idle pool connections that pool.end() has not
  // closed yet; pg reports that as an error event, which is expected here and must not fail the run.
  pool.on("error", () => {});
  let prisma: PrismaClient | undefined;
  try {
    await session.connect();
    const sql = pgExecutor(session);
    if (options.migrate !== false) await applyMigrations(sql, options.migrationOptions);
    prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    const client = prisma;
    return {
      kind: "postgres",
      prisma: client,
      sql,
      url,
      reset: () => resetTables(sql),
      async dispose() {
        await client.$disconnect();
        await pool.end();
        await session.end();
        await drop();
      },
    };
  } catch (error) {
    await prisma?.$disconnect().catch(() => {});
    await pool.end().catch(() => {});
    await session.end().catch(() => {});
    await drop().catch(() => {});
    throw error;
  }
}

function createTestDatabase(kind: TestDatabaseKind, options?: CreateTestDatabaseOptions): Promise<TestDatabase> {
  return kind === "pglite" ? createPGliteTestDatabase(options) : createPostgresTestDatabase(options);
}

/**
 * Runs `fn`'s describe block once per database kind (`<name> [pglite]`, `<name> [postgres]`),
 * each with a fresh migrated database opened in beforeAll and disposed of in afterAll. Read
 * `db.prisma` etc. inside tests and hooks, not while the block is being defined.
 */
export function forEachDatabase(
  name: string,
  fn: (db: TestDatabase) => void,
  options?: CreateTestDatabaseOptions,
): void {
  for (const kind of testDatabaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let current: TestDatabase | undefined;
      const get = (): TestDatabase => {
        if (!current) throw new Error("forEachDatabase: the database is only available inside tests and hooks");
        return current;
      };
      const handle: TestDatabase = {
        kind,
        get prisma() {
          return get().prisma;
        },
        get sql() {
          return get().sql;
        },
        get url() {
          return get().url;
        },
        reset: () => get().reset(),
        dispose: () => get().dispose(),
      };
      beforeAll(async () => {
        current = await createTestDatabase(kind, options);
      });
      afterAll(async () => {
        await current?.dispose();
        current = undefined;
      });
      fn(handle);
    });
  }
}
