/**
 * One PrismaClient per process.
 *
 * - `DATABASE_URL` set: a real PostgreSQL through @prisma/adapter-pg.
 * - `DATABASE_URL` unset: an embedded PGlite database in `PGLITE_DIR` (default `.data/pglite`),
 *   so the demo needs nothing installed. PGlite is single-process: a `<dir>.lock` file keeps a
 *   second process (or a second open in this one) out with a clear error.
 *
 * Opening does not migrate. Whoever starts the app (the demo script, the `next start` wrapper)
 * calls `prepareDatabase()` once, which opens and applies pending migrations.
 */
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { DEFAULT_PGLITE_DIR, getDatabaseEnv } from "@/lib/env";
import { PrismaClient } from "./generated/client";
import { applyMigrations, pgExecutor, pgliteExecutor, type ApplyMigrationsOptions } from "./migrate";

export { PrismaClient };
export type Db = PrismaClient;

export type DatabaseConfig =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; /** A directory, or `memory://` for a throw-away in-memory database. */ dir: string };

/** Which database the settings name (read from the environment by lib/env.ts unless given). */
export function databaseConfigFromEnv(
  env: { DATABASE_URL?: string; PGLITE_DIR?: string } = getDatabaseEnv(),
): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };
  return { kind: "pglite", dir: env.PGLITE_DIR?.trim() || DEFAULT_PGLITE_DIR };
}

/** Describes a config for logs, without the password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === "pglite") return `PGlite at ${config.dir}`;
  try {
    const url = new URL(config.url);
    if (url.password) url.password = "***";
    return `PostgreSQL at ${url.toString()}`;
  } catch {
    return "PostgreSQL (unparsable DATABASE_URL)";
  }
}

export interface OpenDatabase {
  readonly config: DatabaseConfig;
  readonly prisma: PrismaClient;
  /**
   * A client on a pool of its own (PostgreSQL; PGlite is one session: the same client), for the push receiver: its
   * few statements must not wait behind the connections the rest of the process holds. Opened on first use.
   */
  readonly intake?: PrismaClient;
  /** Applies pending migrations on this database (see lib/db/migrate.ts). */
  migrate(options?: ApplyMigrationsOptions): Promise<{ applied: string[] }>;
  /** Disconnects Prisma and closes PGlite / the pg pool. */
  close(): Promise<void>;
}

// Directories this process has open (shared across Next's dev reloads, like the client cache).
const openDirs: Set<string> = ((globalThis as { __sellerInboxPGliteDirs?: Set<string> }).__sellerInboxPGliteDirs ??=
  new Set<string>());

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite does not lock its directory, and two processes (say the demo and `npm run db:migrate`)
 * opening the same one would corrupt it. `<dir>.lock` holds the owner's pid; a lock whose process
 * is gone (a crash) is taken over.
 */
function lockPGliteDir(absolute: string): () => void {
  const lockPath = `${absolute}.lock`;
  if (openDirs.has(absolute)) {
    throw new Error(`The embedded database ${absolute} is already open in this process; use getDb().`);
  }
  for (;;) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(lockPath, "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processAlive(owner)) {
        throw new Error(
          `The embedded database ${absolute} is in use by process ${owner} (the app, the demo, or a migration). ` +
            `Stop it first, or use PostgreSQL (DATABASE_URL). If no such process uses it, delete ${lockPath}.`,
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  openDirs.add(absolute);
  const release = () => {
    openDirs.delete(absolute);
    try {
      if (fs.readFileSync(lockPath, "utf8").trim() === String(process.pid)) fs.rmSync(lockPath, { force: true });
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return () => {
    process.off("exit", release);
    release();
  };
}

function openPGlite(dir: string): { lite: PGlite; release: () => void } {
  if (dir.startsWith("memory://")) return { lite: new PGlite(dir), release: () => {} };
  const absolute = path.resolve(dir);
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  const release = lockPGliteDir(absolute);
  try {
    fs.mkdirSync(absolute, { recursive: true });
    return { lite: new PGlite(absolute), release };
  } catch (error) {
    release();
    throw error;
  }
}

/** Opens a database (a new PrismaClient each call; the app uses `getDb()`/`prepareDatabase()`). */
export function openDatabase(config: DatabaseConfig): OpenDatabase {
  if (config.kind === "pglite") {
    const { lite, release } = openPGlite(config.dir);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
    return {
      config,
      prisma,
      // PGlite is a single session: the runner shares it with Prisma (call it before queries).
      migrate: (options) => applyMigrations(pgliteExecutor(lite), options),
      async close() {
        try {
          await prisma.$disconnect();
          if (!lite.closed) await lite.close();
        } finally {
          release();
        }
      },
    };
  }
  const pool = new pg.Pool({ connectionString: config.url });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  let intake: { pool: pg.Pool; prisma: PrismaClient } | undefined;
  return {
    config,
    prisma,
    get intake() {
      if (!intake) {
        const intakePool = new pg.Pool({ connectionString: config.url, max: INTAKE_POOL_SIZE });
        intake = { pool: intakePool, prisma: new PrismaClient({ adapter: new PrismaPg(intakePool) }) };
      }
      return intake.prisma;
    },
    async migrate(options) {
      // The advisory lock and transactions need one session: check one connection out.
      const client = await pool.connect();
      try {
        return await applyMigrations(pgExecutor(client), options);
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
      if (intake) {
        await intake.prisma.$disconnect();
        await intake.pool.end();
      }
    },
  };
}

interface DbCache {
  db?: OpenDatabase;
  prepared?: Promise<PrismaClient>;
}

// Cached on globalThis so that Next's dev-mode module reloads reuse the client (and, for PGlite,
// do not open the same directory twice).
const globalForDb = globalThis as typeof globalThis & { __sellerInboxDb?: DbCache };
const cache: DbCache = (globalForDb.__sellerInboxDb ??= {});

function current(): OpenDatabase {
  return (cache.db ??= openDatabase(databaseConfigFromEnv()));
}

/** Connections of the intake pool: the push receiver's batched statements need one or two at a time. */
const INTAKE_POOL_SIZE = 3;

/**
 * The client for work that must answer within a deadline whatever else the process is doing (the push receiver):
 * its own small pool on PostgreSQL, the process's client on PGlite (and in tests that inject one).
 */
export function getIntakeDb(): PrismaClient {
  const db = current();
  return db.intake ?? db.prisma;
}

/** The process's PrismaClient (opened on first use, not migrated: see `prepareDatabase`). */
export function getDb(): PrismaClient {
  return current().prisma;
}

/**
 * Opens the process's database and applies pending migrations, once; later calls return the
 * same promise. A failed attempt is forgotten so that a later call can retry.
 */
export function prepareDatabase(options?: ApplyMigrationsOptions): Promise<PrismaClient> {
  cache.prepared ??= (async () => {
    const db = current();
    await db.migrate(options);
    return db.prisma;
  })().catch((error: unknown) => {
    cache.prepared = undefined;
    throw error;
  });
  return cache.prepared;
}

/** Closes the process's database (scripts and tests; the server just exits). */
export async function closeDatabase(): Promise<void> {
  const db = cache.db;
  cache.db = undefined;
  cache.prepared = undefined;
  if (db) await db.close();
}
