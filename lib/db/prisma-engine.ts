/**
 * Prisma's own schema engine, in its WebAssembly build, driven through a driver adapter on an
 * in-process PGlite database — so it runs offline, unlike the Prisma CLI's native engine.
 *
 * DEVELOPMENT AND TESTS ONLY: @prisma/schema-engine-wasm and @prisma/driver-adapter-utils come
 * with @prisma/internals (a devDependency), pinned to the Prisma version. The app never imports
 * this module; scripts/migrate.ts imports it lazily for `--create`.
 *
 * Used for:
 * - `createMigration`: the SQL `prisma migrate dev --create-only` would write;
 * - `diffMigrationsToSchema`: the drift check (Prisma's diff between the migrations, replayed on a
 *   shadow database, and schema.prisma; lib/db/prisma-engine.test.ts);
 * - `applyWithPrismaEngine`: `prisma migrate deploy`'s logic, to check our runner agrees with it.
 */
import { promises as fs, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { DEFAULT_MIGRATIONS_DIR } from "./migrate";

export const DEFAULT_SCHEMA_PATH = path.join(process.cwd(), "prisma", "schema.prisma");

type SchemaEngineClass = { new: (...args: unknown[]) => Promise<SchemaEngine> };
let engineClass: Promise<SchemaEngineClass> | undefined;

async function loadEngineClass(): Promise<SchemaEngineClass> {
  // Instantiated by hand (as @prisma/internals' wasmSchemaEngineLoader does): the package's main
  // entry imports the .wasm file as an ES module, which Node cannot do.
  const runtime = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
    SchemaEngine: SchemaEngineClass;
  };
  const require = createRequire(import.meta.url);
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {
    "./schema_engine_bg.js": runtime as unknown as WebAssembly.ModuleImports,
  });
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return runtime.SchemaEngine;
}

/** A schema engine working on the database behind `adapter`. Call `free()` when done. */
export async function openSchemaEngine(
  schema: string,
  adapter: SqlMigrationAwareDriverAdapterFactory,
): Promise<SchemaEngine> {
  const SchemaEngineClass = await (engineClass ??= loadEngineClass());
  return SchemaEngineClass.new(
    { datamodels: [["schema.prisma", schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
}

/** The migrations directory in the shape the schema engine takes (as the Prisma CLI builds it). */
export async function readMigrationList(migrationsDir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true });
  const dirs = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: await fs.readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => ({
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: await fs
            .readFile(path.join(migrationsDir, dir, "migration.sql"), "utf8")
            .then((value) => ({ tag: "ok" as const, value }))
            .catch((error: unknown) => ({ tag: "error" as const, value: String(error) })),
        },
      })),
    ),
  };
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * The SQL that would bring a database migrated with `migrationsDir` to what `schema` describes,
 * or null when they agree. (The migrations are replayed on an in-memory shadow PGlite.)
 */
export async function diffMigrationsToSchema(options: {
  schema?: string;
  migrationsDir?: string;
} = {}): Promise<string | null> {
  const schema = options.schema ?? (await fs.readFile(DEFAULT_SCHEMA_PATH, "utf8"));
  const lite = new PGlite();
  const engine = await openSchemaEngine(schema, new PrismaPGlite(lite));
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...(await readMigrationList(options.migrationsDir)) },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : null;
  } finally {
    engine.free();
    await lite.close();
  }
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/**
 * Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql with Prisma's SQL for the
 * difference between the migrations and the schema; returns its path, or null when none is needed.
 */
export async function createMigration(
  name: string,
  options: { schemaPath?: string; migrationsDir?: string; now?: Date } = {},
): Promise<string | null> {
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const schema = await fs.readFile(options.schemaPath ?? DEFAULT_SCHEMA_PATH, "utf8");
  const sql = await diffMigrationsToSchema({ schema, migrationsDir });
  if (sql === null) return null;
  const existing = (await readMigrationList(migrationsDir)).migrationDirectories.map((dir) => dir.path);
  let stamp = timestamp(options.now ?? new Date());
  const last = existing.at(-1)?.slice(0, 14);
  if (last && stamp <= last) stamp = String(BigInt(last) + 1n); // keep name order = apply order
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, "migration.sql"), sql);
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  await fs.access(lockPath).catch(() =>
    fs.writeFile(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    ),
  );
  return path.join(dir, "migration.sql");
}

/** Runs `prisma migrate deploy`'s logic (the engine's applyMigrations) on the adapter's database. */
export async function applyWithPrismaEngine(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  options: { schema?: string; migrationsDir?: string } = {},
): Promise<string[]> {
  const schema = options.schema ?? (await fs.readFile(DEFAULT_SCHEMA_PATH, "utf8"));
  const engine = await openSchemaEngine(schema, adapter);
  try {
    const result = await engine.applyMigrations({
      migrationsList: await readMigrationList(options.migrationsDir),
      filters: NO_FILTERS,
    });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}
