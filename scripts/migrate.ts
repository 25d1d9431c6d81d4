/**
 * `npm run db:migrate` — applies pending migrations to the app's database: PostgreSQL when
 * DATABASE_URL is set, else the embedded PGlite database in PGLITE_DIR (default .data/pglite).
 *
 * `npm run db:migrate -- --create <name>` (development only) writes the next migration,
 * prisma/migrations/<timestamp>_<name>/migration.sql, with the SQL Prisma's own schema engine
 * generates for the difference between the existing migrations and prisma/schema.prisma (what
 * `prisma migrate dev --create-only` would write; that command cannot run offline).
 */
import { parseArgs } from "node:util";
import { closeDatabase, databaseConfigFromEnv, describeDatabase, prepareDatabase } from "@/lib/db/client";

async function create(name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new Error("Usage: npm run db:migrate -- --create <name>   (name: lower-case letters, digits, _)");
  }
  // Dev tooling only: the schema engine ships with devDependencies (@prisma/internals).
  const { createMigration } = await import("@/lib/db/prisma-engine");
  const created = await createMigration(name);
  if (created) console.log(`Created ${created}. Review it, then run npm run db:migrate.`);
  else console.log("prisma/schema.prisma and the migrations agree: no migration needed.");
}

async function main(): Promise<void> {
  // `--create <name>` or nothing: parseArgs refuses anything else with a line naming it.
  const { values } = parseArgs({ options: { create: { type: "string" } } });
  if (values.create !== undefined) return create(values.create);

  const config = databaseConfigFromEnv();
  console.log(`Migrating ${describeDatabase(config)}`);
  await prepareDatabase({ log: (message) => console.log(message) });
  console.log("Database is up to date.");
}

main()
  .then(() => closeDatabase())
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await closeDatabase().catch(() => {});
    process.exitCode = 1;
  });
