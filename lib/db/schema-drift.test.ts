/**
 * Guards schema.prisma against the migrations: `prisma migrate` cannot run here, so nothing else
 * notices a schema.prisma edit without a migration (or a migration that does not match it).
 *
 * Fix a failure by adding a migration: `npm run db:migrate -- --create <name>` writes the SQL
 * Prisma would generate; review it and commit it with the schema change.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffMigrationsToSchema, sqlForSchema } from "./prisma-engine";
import {
  compareSchemas,
  expectedFromPrismaSchema,
  introspectDatabase,
  normalizeDefault,
  prismaConstraintName,
  type SchemaShape,
} from "./schema-drift";
import { createPGliteTestDatabase, createTestDatabase, forEachDatabase, testDatabaseKinds, type TestDatabase } from "./testing";

const SCHEMA_PATH = path.join(process.cwd(), "prisma", "schema.prisma");
const schemaText = () => readFileSync(SCHEMA_PATH, "utf8");

/** Applies `edit` to the schema text and checks it really changed something. */
function editSchema(find: string | RegExp, replace: string): string {
  const original = schemaText();
  const edited = original.replace(find, replace);
  if (edited === original) throw new Error(`test setup: ${String(find)} not found in schema.prisma`);
  return edited;
}

forEachDatabase("migrations match schema.prisma", (db) => {
  it("the migrated database has exactly the tables, columns, keys, indexes and enums schema.prisma describes", async () => {
    const expected = await expectedFromPrismaSchema(schemaText());
    const actual = await introspectDatabase(db.sql);
    const differences = compareSchemas(expected, actual);
    expect(differences, differences.join("\n")).toEqual([]);
    // Sanity: the comparison saw the real model, not two empty shapes.
    expect(Object.keys(actual.tables).sort()).toEqual(
      ["account_memberships", "chats", "live_events", "messages", "outbox", "push_events", "seller_accounts", "sign_in_attempts", "sync_states", "users"].sort(),
    );
    expect(actual.tables.chats?.indexes["chats_account_id_last_message_at_id_idx"]?.columns).toEqual([
      "account_id",
      "last_message_at DESC",
      "id",
    ]);
  });
});

describe("Prisma's own engine agrees (migrations replayed on a shadow PGlite vs schema.prisma)", () => {
  it("finds nothing to migrate", async () => {
    const sql = await diffMigrationsToSchema({ schema: schemaText() });
    expect(sql, `schema.prisma needs a migration:\n${sql}`).toBeNull();
  });

  it("does notice a schema change without a migration", async () => {
    const sql = await diffMigrationsToSchema({
      schema: editSchema(/^(\s+sku\s+String\?)$/m, "$1\n  extra Int @default(1)"),
    });
    expect(sql).toContain(`ALTER TABLE "messages" ADD COLUMN`);
    expect(sql).toContain(`"extra" INTEGER NOT NULL DEFAULT 1`);
  });
});

describe("compareSchemas reports real differences", () => {
  let db: TestDatabase;
  let actual: SchemaShape;
  beforeAll(async () => {
    db = await createPGliteTestDatabase();
    actual = await introspectDatabase(db.sql);
  });
  afterAll(async () => {
    await db?.dispose();
  });

  const diffFor = async (schema: string) => compareSchemas(await expectedFromPrismaSchema(schema), actual);

  it("an extra field", async () => {
    const differences = await diffFor(editSchema(/^(\s+sku\s+String\?)$/m, "$1\n  extra Int @default(1)"));
    expect(differences).toEqual(["table messages: column extra in schema.prisma, missing in the database"]);
  });

  it("a changed type", async () => {
    const differences = await diffFor(
      editSchema(/ozonMessageId\s+BigInt\s+@map\("ozon_message_id"\)/, 'ozonMessageId Decimal @db.Decimal(20, 0) @map("ozon_message_id")'),
    );
    expect(differences).toEqual([
      "table messages: column ozon_message_id type numeric(20,0) in schema.prisma, bigint in the database",
    ]);
  });

  it("nullability, defaults, indexes, foreign key actions, enum values and tables", async () => {
    let schema = schemaText();
    const edits: Array<[RegExp, string]> = [
      [/^(\s+text\s+String)$/m, "$1?"], // messages.text nullable
      [/(attempts\s+Int\s+)@default\(0\)/, "$1@default(5)"], // outbox.attempts default
      [/^\s*@@index\(\[accountId, unreadCount\]\)\n/m, ""], // drop an index
      [/(sentBy\s+User\?\s+@relation\(fields: \[sentByUserId\], references: \[id\], onDelete: )SetNull/, "$1Cascade"],
      [/(enum ChatStatus \{\s+OPENED\s+CLOSED\n)/, "$1  ARCHIVED\n"],
      [/(model SyncState \{)/, "model Extra {\n  id Int @id\n}\n\n$1"],
    ];
    for (const [find, replace] of edits) {
      const next = schema.replace(find, replace);
      if (next === schema) throw new Error(`test setup: ${String(find)} not found in schema.prisma`);
      schema = next;
    }
    const differences = await diffFor(schema);
    expect(differences).toEqual([
      'enum chat_status: values ["OPENED","CLOSED","ARCHIVED"] in schema.prisma, ["OPENED","CLOSED"] in the database',
      "table Extra: in schema.prisma, missing in the database",
      'table chats: index chats_account_id_unread_count_idx {"unique":false,"columns":["account_id","unread_count"],"method":"btree"} in the database, not in schema.prisma',
      "table messages: column text is NULL in schema.prisma, NOT NULL in the database",
      'table messages: foreign key messages_sent_by_user_id_fkey is {"columns":["sent_by_user_id"],"referencedTable":"users","referencedColumns":["id"],"onDelete":"CASCADE","onUpdate":"CASCADE"} in schema.prisma, {"columns":["sent_by_user_id"],"referencedTable":"users","referencedColumns":["id"],"onDelete":"SET NULL","onUpdate":"CASCADE"} in the database',
      "table outbox: column attempts default 5 in schema.prisma, 0 in the database",
    ]);
  });

  it("an extra column, index and enum in the database", async () => {
    await db.sql.exec(`
      ALTER TABLE "users" ADD COLUMN "nickname" TEXT;
      CREATE INDEX "users_name_idx" ON "users"("name") WHERE "active";
      CREATE TYPE "mood" AS ENUM ('HAPPY');
    `);
    const differences = compareSchemas(await expectedFromPrismaSchema(schemaText()), await introspectDatabase(db.sql));
    expect(differences).toEqual([
      "enum mood: in the database, not in schema.prisma",
      "table users: column nickname in the database, not in schema.prisma",
      'table users: index users_name_idx {"unique":false,"columns":["name"],"method":"btree WHERE active"} in the database, not in schema.prisma',
    ]);
  });
});

describe("schema-drift helpers", () => {
  it("normalises PostgreSQL's default expressions", () => {
    expect(normalizeDefault("'-1'::integer")).toBe("-1");
    expect(normalizeDefault("'AGENT'::user_role")).toBe("'AGENT'");
    expect(normalizeDefault(`'a'::"Mood"`)).toBe("'a'");
    expect(normalizeDefault("'it''s ::text'::text")).toBe("'it''s ::text'");
    expect(normalizeDefault("nextval('t_id_seq'::regclass)")).toBe("nextval('t_id_seq')");
    expect(normalizeDefault("'x'::character varying")).toBe("'x'");
    expect(normalizeDefault("CURRENT_TIMESTAMP")).toBe("CURRENT_TIMESTAMP");
    expect(normalizeDefault(null)).toBeNull();
  });

  it("names constraints like Prisma", () => {
    expect(prismaConstraintName("chats", ["id"], "pkey")).toBe("chats_pkey");
    expect(prismaConstraintName("chats", ["account_id", "ozon_chat_id"], "key")).toBe("chats_account_id_ozon_chat_id_key");
    expect(prismaConstraintName("outbox", ["state", "created_at"], "idx")).toBe("outbox_state_created_at_idx");
    expect(prismaConstraintName("messages", ["chat_id"], "fkey")).toBe("messages_chat_id_fkey");
    expect(prismaConstraintName("t".repeat(40), ["c".repeat(40)], "idx")).toHaveLength(63);
  });
});

/** Uses many schema features, so the comparator's type/default/name rules are checked against Prisma's SQL. */
const FEATURE_SCHEMA = `
datasource db {
  provider = "postgresql"
}

enum Mood {
  HAPPY @map("happy")
  SAD
  @@map("Mood Type")
}

model Owner {
  id        Int      @id @default(autoincrement())
  code      String   @unique(map: "owner_code_unique") @db.VarChar(32)
  initials  String   @db.Char(2)
  uid       String   @default(dbgenerated("gen_random_uuid()")) @db.Uuid
  big       BigInt   @default(3000000000)
  neg       Int      @default(-1)
  small     Int      @db.SmallInt
  ratio     Float    @default(1.5)
  real      Float    @db.Real
  money     Decimal  @default(2.5)
  exact     Decimal  @db.Decimal(20, 0)
  quote     String   @default("it's")
  mood      Mood     @default(HAPPY)
  moods     Mood[]
  tags      String[]
  blob      Bytes?
  doc       Json?
  docText   Json?    @db.Json
  at        DateTime @default(now()) @db.Timestamptz(6)
  plain     DateTime @db.Timestamp
  day       DateTime @db.Date
  flag      Boolean  @default(false)
  pets      Pet[]
  @@index([code(sort: Desc), id])
  @@index([small], type: Hash)
}

model Pet {
  ownerId Int
  name    String
  ownerRef Int? @default(0)
  owner   Owner @relation(fields: [ownerId], references: [id], onDelete: NoAction, onUpdate: Restrict)
  @@id([ownerId, name], map: "pet_pk")
  @@unique([name, ownerRef])
}

model AVeryLongModelNameThatPushesConstraintNamesOverTheLimitOfPostgres {
  id                                             Int @id
  aVeryLongFieldNameThatAlsoPushesTheNamesOverTheLimit Int
  parentId                                       Int?
  parent AVeryLongModelNameThatPushesConstraintNamesOverTheLimitOfPostgres? @relation("tree", fields: [parentId], references: [id])
  children AVeryLongModelNameThatPushesConstraintNamesOverTheLimitOfPostgres[] @relation("tree")
  @@unique([aVeryLongFieldNameThatAlsoPushesTheNamesOverTheLimit])
  @@index([parentId, aVeryLongFieldNameThatAlsoPushesTheNamesOverTheLimit])
}
`;

for (const kind of testDatabaseKinds()) {
  describe(`the comparator agrees with the SQL Prisma generates [${kind}]`, () => {
    it("finds no difference between a feature-rich schema and Prisma's own migration of it", async () => {
      const db = await createTestDatabase(kind, { migrate: false });
      try {
        await db.sql.exec(await sqlForSchema(FEATURE_SCHEMA));
        const differences = compareSchemas(await expectedFromPrismaSchema(FEATURE_SCHEMA), await introspectDatabase(db.sql));
        expect(differences, differences.join("\n")).toEqual([]);
      } finally {
        await db.dispose();
      }
    });
  });
}
