/**
 * Guards schema.prisma against the migrations: `prisma migrate` cannot run here, so nothing else notices a
 * schema.prisma edit without a migration (or a migration that does not match it). Prisma's own engine replays the
 * migrations on a shadow PGlite and diffs them against the schema, so every feature Prisma knows is compared.
 *
 * Fix a failure by adding a migration: `npm run db:migrate -- --create <name>` writes the SQL Prisma would generate;
 * review it and commit it with the schema change.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEMA_PATH, diffMigrationsToSchema } from "./prisma-engine";

const schemaText = () => readFileSync(DEFAULT_SCHEMA_PATH, "utf8");

// The WebAssembly engine replays every migration: tens of seconds on a busy 2-core machine.
describe("the migrations match schema.prisma (Prisma's engine diff)", { timeout: 180_000 }, () => {
  it("finds nothing to migrate", async () => {
    const sql = await diffMigrationsToSchema({ schema: schemaText() });
    expect(sql, `schema.prisma needs a migration:\n${sql}`).toBeNull();
  });

  it("does notice a schema change without a migration", async () => {
    const original = schemaText();
    const edited = original.replace(/^(\s+ozonItemId\s+String\?.*)$/m, "$1\n  extra Int @default(1)");
    expect(edited, "test setup: messages.ozonItemId not found in schema.prisma").not.toBe(original);
    const sql = await diffMigrationsToSchema({ schema: edited });
    expect(sql).toContain(`ALTER TABLE "messages" ADD COLUMN`);
    expect(sql).toContain(`"extra" INTEGER NOT NULL DEFAULT 1`);
  });
});
