import { createHash } from "node:crypto";
import { promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  applyMigrations,
  DEFAULT_MIGRATIONS_DIR,
  listMigrations,
  MigrationError,
  pgExecutor,
  pgliteExecutor,
  PRISMA_MIGRATION_LOCK_ID,
  type MigrationExecutor,
} from "./migrate";
import { applyWithPrismaEngine } from "./prisma-engine";
import { createEmptyPostgresDatabase, testDatabaseKinds, type TestDatabaseKind } from "./testing";

/** A fresh, empty (unmigrated) database with one session, plus a Prisma adapter on it. */
interface EmptyDb {
  sql: MigrationExecutor;
  /**
   * Runs fn with a Prisma driver adapter on this database. For postgres the adapter's pool is
   * ended afterwards: Prisma's engine keeps the migration advisory lock until its connection closes.
   */
  withAdapter<T>(fn: (adapter: PrismaPGlite | PrismaPg) => Promise<T>): Promise<T>;
  /** Another independent session (postgres), or the same one (PGlite: single session). */
  newSession: () => Promise<{ sql: MigrationExecutor; close(): Promise<void> }>;
  close(): Promise<void>;
}

/**
 * PrismaPg whose connections run a migration script as ONE simple query, as Prisma's native engine does under
 * `prisma migrate deploy`. The adapter's own executeScript splits the script at every ";", which breaks on a
 * semicolon inside a comment or a plpgsql function body (migrations with triggers have both).
 */
class WholeScriptPrismaPg extends PrismaPg {
  constructor(private readonly wholeScriptPool: pg.Pool) {
    super(wholeScriptPool);
  }

  override async connect() {
    const connection = await super.connect();
    const pool = this.wholeScriptPool;
    connection.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return connection;
  }
}

async function emptyDb(kind: TestDatabaseKind): Promise<EmptyDb> {
  if (kind === "pglite") {
    const lite = new PGlite();
    return {
      sql: pgliteExecutor(lite),
      withAdapter: (fn) => fn(new PrismaPGlite(lite)),
      newSession: async () => ({ sql: pgliteExecutor(lite), close: async () => {} }),
      close: () => lite.close(),
    };
  }
  const { url, drop } = await createEmptyPostgresDatabase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    sql: pgExecutor(client),
    async withAdapter(fn) {
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      pool.on("error", () => {});
      try {
        return await fn(new WholeScriptPrismaPg(pool));
      } finally {
        await pool.end();
      }
    },
    newSession: async () => {
      const other = new pg.Client({ connectionString: url });
      await other.connect();
      return { sql: pgExecutor(other), close: () => other.end() };
    },
    async close() {
      await client.end();
      await drop();
    },
  };
}

async function tempMigrationsDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "seller-inbox-migrations-"));
  await fs.cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function addMigration(dir: string, name: string, sql: string): Promise<void> {
  await fs.mkdir(path.join(dir, name));
  await fs.writeFile(path.join(dir, name, "migration.sql"), sql);
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

interface Row {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  started_at: Date;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}
const rowsOf = (sql: MigrationExecutor) =>
  sql.query<Row>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name`);

/** The table's shape as the catalog sees it. */
const tableShape = (sql: MigrationExecutor) =>
  sql.query(
    `SELECT a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,
            pg_get_expr(d.adbin, d.adrelid) AS "default",
            EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conrelid = a.attrelid AND c.contype = 'p' AND a.attnum = ANY (c.conkey)) AS pk
     FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE a.attrelid = '"_prisma_migrations"'::regclass AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY a.attnum`,
  );

describe("listMigrations", () => {
  it("lists prisma/migrations in name order with sha256 checksums of the file bytes", async () => {
    const migrations = await listMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.map((m) => m.name)).toEqual([...migrations.map((m) => m.name)].sort());
    for (const m of migrations) {
      expect(m.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(m.checksum).toBe(sha256(readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, m.name, "migration.sql"))));
    }
  });
});

for (const kind of testDatabaseKinds()) {
  describe(`applyMigrations [${kind}]`, () => {
    let db: EmptyDb;
    const cleanup: Array<() => Promise<unknown>> = [];
    beforeAll(async () => {
      db = await emptyDb(kind);
    });
    afterEach(async () => {
      while (cleanup.length) await cleanup.pop()!();
    });
    afterAll(async () => {
      await db?.close();
    });

    it("applies every migration, then nothing (idempotent)", async () => {
      const names = (await listMigrations()).map((m) => m.name);
      expect(await applyMigrations(db.sql)).toEqual({ applied: names });
      expect(await applyMigrations(db.sql)).toEqual({ applied: [] });
      const [count] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "users"`);
      expect(count?.n).toBe(0);
    });

    it("keeps _prisma_migrations rows the way Prisma does", async () => {
      const migrations = await listMigrations();
      const rows = await rowsOf(db.sql);
      expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
      for (const row of rows) {
        expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        const file = readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, "migration.sql"));
        expect(row.checksum).toBe(sha256(file));
        expect(row.applied_steps_count).toBe(1);
        expect(row.logs).toBeNull();
        expect(row.rolled_back_at).toBeNull();
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      }
    });

    it("creates _prisma_migrations exactly as Prisma's schema engine does", async () => {
      const ours = await tableShape(db.sql);
      const other = await emptyDb(kind);
      cleanup.push(() => other.close());
      const applied = await other.withAdapter((adapter) => applyWithPrismaEngine(adapter));
      expect(applied).toEqual((await listMigrations()).map((m) => m.name));
      expect(await tableShape(other.sql)).toEqual(ours);
      // And its rows look like ours.
      const theirs = await rowsOf(other.sql);
      const mine = await rowsOf(db.sql);
      const comparable = (rows: Row[]) =>
        rows.map(({ checksum, migration_name, applied_steps_count, logs, rolled_back_at }) => ({
          checksum,
          migration_name,
          applied_steps_count,
          logs,
          rolled_back_at,
        }));
      expect(comparable(theirs)).toEqual(comparable(mine));
    });

    it("agrees with `prisma migrate deploy`: Prisma finds nothing to apply after us", async () => {
      expect(await db.withAdapter((adapter) => applyWithPrismaEngine(adapter))).toEqual([]);
    });

    it("refuses to continue when an applied migration's file changed", async () => {
      const dir = await tempMigrationsDir();
      cleanup.push(() => fs.rm(dir, { recursive: true, force: true }));
      const [first] = await listMigrations(dir);
      const file = path.join(dir, first!.name, "migration.sql");
      // The same script with Windows line endings still matches (as in Prisma).
      await fs.writeFile(file, (await fs.readFile(file, "utf8")).replace(/\n/g, "\r\n"));
      expect(await applyMigrations(db.sql, { migrationsDir: dir })).toEqual({ applied: [] });

      await fs.appendFile(file, "\n-- an edit after the fact\n");
      await addMigration(dir, "29990101000000_next", `CREATE TABLE "never_created" ("id" INTEGER);`);
      const attempt = applyMigrations(db.sql, { migrationsDir: dir });
      await expect(attempt).rejects.toThrow(MigrationError);
      await expect(attempt).rejects.toThrow(`Migration ${first!.name} was modified after it was applied`);
      const [exists] = await db.sql.query<{ t: string | null }>(`SELECT to_regclass('never_created')::text AS t`);
      expect(exists?.t).toBeNull();
    });

    it("rolls back and records a failing migration, then refuses until it is resolved", async () => {
      const dir = await tempMigrationsDir();
      cleanup.push(() => fs.rm(dir, { recursive: true, force: true }));
      const name = "29990101000000_broken";
      await addMigration(dir, name, `CREATE TABLE "half_done" ("id" INTEGER);\nSELECT * FROM "no_such_table";\n`);

      await expect(applyMigrations(db.sql, { migrationsDir: dir })).rejects.toThrow(
        `Migration ${name} failed and was rolled back`,
      );
      const [halfDone] = await db.sql.query<{ t: string | null }>(`SELECT to_regclass('half_done')::text AS t`);
      expect(halfDone?.t).toBeNull();
      const failed = (await rowsOf(db.sql)).find((r) => r.migration_name === name);
      expect(failed).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });
      expect(failed?.logs).toContain("no_such_table");

      // Prisma's own deploy refuses too (P3009), and so do we, even after the file is fixed.
      await expect(db.withAdapter((adapter) => applyWithPrismaEngine(adapter, { migrationsDir: dir }))).rejects.toThrow(/failed migrations/i);
      await fs.writeFile(path.join(dir, name, "migration.sql"), `CREATE TABLE "half_done" ("id" INTEGER);\n`);
      await expect(applyMigrations(db.sql, { migrationsDir: dir })).rejects.toThrow(/failed migrations.*\n.*29990101000000_broken/);

      // `prisma migrate resolve --rolled-back` sets rolled_back_at; then it is applied again.
      await db.sql.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = $1`, [failed!.id]);
      expect(await applyMigrations(db.sql, { migrationsDir: dir })).toEqual({ applied: [name] });
      const [created] = await db.sql.query<{ t: string | null }>(`SELECT to_regclass('half_done')::text AS t`);
      expect(created?.t).toBe("half_done");
      // Prisma agrees it is applied.
      expect(await db.withAdapter((adapter) => applyWithPrismaEngine(adapter, { migrationsDir: dir }))).toEqual([]);
    });

    it("accepts migrations applied by Prisma's engine", async () => {
      const other = await emptyDb(kind);
      cleanup.push(() => other.close());
      await other.withAdapter((adapter) => applyWithPrismaEngine(adapter));
      expect(await applyMigrations(other.sql)).toEqual({ applied: [] });
    });

    it("releases the advisory lock afterwards", async () => {
      const session = await db.newSession();
      cleanup.push(() => session.close());
      const [row] = await session.sql.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
        PRISMA_MIGRATION_LOCK_ID,
      ]);
      expect(row?.locked).toBe(true);
      await session.sql.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATION_LOCK_ID]);
    });
  });
}

if (testDatabaseKinds().includes("postgres")) {
  describe("applyMigrations with several instances at once [postgres]", () => {
    it("applies each migration exactly once while others wait for the lock", async () => {
      const dir = await tempMigrationsDir();
      const { url, drop } = await createEmptyPostgresDatabase();
      const clients = Array.from({ length: 3 }, () => new pg.Client({ connectionString: url }));
      try {
        // A slow migration makes the runs overlap for certain.
        await addMigration(dir, "29990101000000_slow", `SELECT pg_sleep(0.5);\nCREATE TABLE "slow" ("id" INTEGER);\n`);
        await Promise.all(clients.map((c) => c.connect()));
        const results = await Promise.all(clients.map((c) => applyMigrations(pgExecutor(c), { migrationsDir: dir })));
        const all = (await listMigrations(dir)).map((m) => m.name);
        expect(results.filter((r) => r.applied.length > 0)).toEqual([{ applied: all }]);
        const rows = await rowsOf(pgExecutor(clients[0]!));
        expect(rows.map((r) => r.migration_name)).toEqual(all);
      } finally {
        await Promise.all(clients.map((c) => c.end().catch(() => {})));
        await drop();
        await fs.rm(dir, { recursive: true, force: true });
      }
    });

    it("gives up with a clear error when the lock stays taken", async () => {
      const { url, drop } = await createEmptyPostgresDatabase();
      const holder = new pg.Client({ connectionString: url });
      const runner = new pg.Client({ connectionString: url });
      try {
        await holder.connect();
        await runner.connect();
        await holder.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATION_LOCK_ID]);
        await expect(applyMigrations(pgExecutor(runner), { lockTimeoutMs: 300 })).rejects.toThrow(
          /Timed out after 300 ms waiting for the migration lock/,
        );
        const [table] = (await runner.query(`SELECT to_regclass('_prisma_migrations')::text AS t`)).rows as Array<{ t: string | null }>;
        expect(table?.t).toBeNull();
      } finally {
        await holder.end().catch(() => {});
        await runner.end().catch(() => {});
        await drop();
      }
    });
  });
}
