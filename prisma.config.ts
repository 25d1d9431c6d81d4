import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// The Prisma CLI fetches a native schema-engine binary every time it starts, from a host that
// offline machines (and this project's CI) cannot reach, and fails even for commands that never
// use it (`prisma generate`). Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file (here: this
// config file itself) skips the download. The file is never executed by `prisma generate`; `prisma migrate` really needs the
// engine and cannot run offline, which is why our migrations are hand-written and applied by
// lib/db/migrate.ts (see prisma/README.md). Set only when unset, so a real engine path wins.
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(import.meta.url);
}

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  // Only migrate/introspect commands read the URL; `prisma generate` needs none.
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
