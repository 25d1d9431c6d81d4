import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  closeDatabase,
  databaseConfigFromEnv,
  describeDatabase,
  getDb,
  openDatabase,
  prepareDatabase,
} from "./client";
import { DEFAULT_PGLITE_DIR } from "@/lib/env";
import { listMigrations } from "./migrate";
import { createEmptyPostgresDatabase, forEachDatabase, testDatabaseKinds } from "./testing";

describe("databaseConfigFromEnv", () => {
  it("uses PGlite in .data/pglite without DATABASE_URL", () => {
    expect(databaseConfigFromEnv({})).toEqual({ kind: "pglite", dir: DEFAULT_PGLITE_DIR });
    expect(DEFAULT_PGLITE_DIR).toBe(path.join(".data", "pglite"));
    expect(databaseConfigFromEnv({ PGLITE_DIR: "/tmp/x", DATABASE_URL: " " })).toEqual({ kind: "pglite", dir: "/tmp/x" });
  });

  it("uses PostgreSQL with DATABASE_URL", () => {
    expect(databaseConfigFromEnv({ DATABASE_URL: "postgres://u:p@h/db", PGLITE_DIR: "/tmp/x" })).toEqual({
      kind: "postgres",
      url: "postgres://u:p@h/db",
    });
  });

  it("describes a database without its password", () => {
    expect(describeDatabase({ kind: "postgres", url: "postgres://u:secret@h:5432/db" })).toBe(
      "PostgreSQL at postgres://u:***@h:5432/db",
    );
    expect(describeDatabase({ kind: "pglite", dir: ".data/pglite" })).toBe("PGlite at .data/pglite");
  });
});

describe("openDatabase / prepareDatabase [pglite directory]", () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "seller-inbox-pglite-"));
  });
  afterEach(async () => {
    await closeDatabase();
    process.env = { ...saved };
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("creates, migrates and reopens a PGlite directory; data persists", async () => {
    const dataDir = path.join(dir, "nested", "pglite");
    const first = openDatabase({ kind: "pglite", dir: dataDir });
    const names = (await listMigrations()).map((m) => m.name);
    expect(await first.migrate()).toEqual({ applied: names });
    await first.prisma.user.create({ data: { email: "a@example.com", name: "A", passwordHash: "x" } });
    await first.close();

    const second = openDatabase({ kind: "pglite", dir: dataDir });
    expect(await second.migrate()).toEqual({ applied: [] });
    expect(await second.prisma.user.count()).toBe(1);
    await second.close();
    // Two PGlite start-ups on disk: fsync-bound, and slow on a busy 2-core machine.
  }, 120_000);

  it("keeps a second opener of the same PGlite directory out, and takes over a stale lock", async () => {
    const dataDir = path.join(dir, "locked");
    const first = openDatabase({ kind: "pglite", dir: dataDir });
    expect(() => openDatabase({ kind: "pglite", dir: dataDir })).toThrow(/already open in this process/);
    await first.close();

    // A live process (this test's parent) holds it.
    await fs.writeFile(`${dataDir}.lock`, String(process.ppid));
    expect(() => openDatabase({ kind: "pglite", dir: dataDir })).toThrow(
      new RegExp(`in use by process ${process.ppid}`),
    );
    // A crashed process held it: taken over, and released on close.
    await fs.writeFile(`${dataDir}.lock`, "999999999");
    const again = openDatabase({ kind: "pglite", dir: dataDir });
    expect(await fs.readFile(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    await again.close();
    await expect(fs.access(`${dataDir}.lock`)).rejects.toThrow();
  });

  it("prepareDatabase opens the process's database once, migrated, from the environment", async () => {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = path.join(dir, "app");
    const [a, b] = await Promise.all([prepareDatabase(), prepareDatabase()]);
    expect(a).toBe(b);
    expect(getDb()).toBe(a);
    expect(await a.chat.count()).toBe(0);
    expect(await prepareDatabase()).toBe(a);
  });
});

if (testDatabaseKinds().includes("postgres")) {
  describe("openDatabase [postgres]", () => {
    const drops: Array<() => Promise<void>> = [];
    afterAll(async () => {
      for (const drop of drops) await drop();
    });

    it("migrates and queries a DATABASE_URL database", async () => {
      const { url, drop } = await createEmptyPostgresDatabase();
      drops.push(drop);
      expect(databaseConfigFromEnv({ DATABASE_URL: url })).toEqual({ kind: "postgres", url });
      const db = openDatabase({ kind: "postgres", url });
      try {
        expect((await db.migrate()).applied.length).toBeGreaterThan(0);
        expect(await db.migrate()).toEqual({ applied: [] });
        expect(await db.prisma.sellerAccount.count()).toBe(0);
      } finally {
        await db.close();
      }
    });

    it("the intake client answers while every connection of the main pool is held (the push receiver never waits for them)", async () => {
      const { url, drop } = await createEmptyPostgresDatabase();
      drops.push(drop);
      const db = openDatabase({ kind: "postgres", url });
      try {
        await db.migrate();
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let opened = 0;
        // pg's default pool: 10 connections, each held by a transaction until released.
        const holders = Array.from({ length: 10 }, () =>
          db.prisma.$transaction(async (tx) => {
            await tx.$queryRaw`SELECT 1`;
            opened++;
            await held;
          }),
        );
        await expect.poll(() => opened, { timeout: 30_000 }).toBe(10);
        let mainAnswered = false;
        const main = db.prisma.sellerAccount.count().then(() => (mainAnswered = true));
        expect(db.intake).toBeDefined();
        expect(await db.intake!.sellerAccount.count()).toBe(0);
        expect(mainAnswered).toBe(false);
        release();
        await Promise.all([...holders, main]);
        expect(mainAnswered).toBe(true);
      } finally {
        await db.close();
      }
    });
  });
}

// Beyond 2^53: a JS number would round these.
const BIG_A = 3_000_000_000_118_021_931n;
const BIG_B = 3_000_000_000_118_021_932n;
const NEAR_MAX = 9_223_372_036_854_775_807n; // 2^63 - 1, the largest BIGINT

forEachDatabase("data model", (db) => {
  beforeEach(async () => {
    await db.reset();
  });

  async function seed() {
    const user = await db.prisma.user.create({
      data: { email: "agent@example.com", name: "Agent", passwordHash: "hash" },
    });
    const account = await db.prisma.sellerAccount.create({
      data: {
        name: "Shop",
        clientId: "123456",
        apiKeyCiphertext: new Uint8Array([0, 1, 2, 254, 255]),
        apiKeyLast4: "abcd",
        memberships: { create: { userId: user.id } },
        syncState: { create: {} },
      },
    });
    const chat = await db.prisma.chat.create({
      data: {
        accountId: account.id,
        ozonChatId: "0b1c2d3e-0000-4000-8000-000000000001",
        type: "buyer_seller",
        isBuyerChat: true,
        createdAt: new Date("2026-01-02T03:04:05.678Z"),
      },
    });
    return { user, account, chat };
  }

  it("applies the database defaults", async () => {
    const { user, account, chat } = await seed();
    expect(user).toMatchObject({ role: "AGENT", active: true, sessionVersion: 0 });
    expect(account).toMatchObject({ premiumStatus: "UNKNOWN", connectionStatus: "UNKNOWN", keyExpiresAt: null });
    expect(chat).toMatchObject({ status: "OPENED", unreadCount: 0, firstUnreadMessageId: 0n, lastMessageId: 0n });
    expect(await db.prisma.syncState.findUniqueOrThrow({ where: { accountId: account.id } })).toMatchObject({
      phase: "IDLE",
      chatsTotal: 0,
      chatsDone: 0,
      consecutiveFailures: 0,
    });
  });

  it("keeps uint64 message ids exact and orders them numerically", async () => {
    const { chat } = await seed();
    const base = { chatId: chat.id, authorType: "customer", authorId: "1", createdAt: new Date() };
    for (const id of [BIG_B, NEAR_MAX, BIG_A, 10n]) {
      await db.prisma.message.create({ data: { ...base, ozonMessageId: id, text: String(id) } });
    }
    const messages = await db.prisma.message.findMany({ where: { chatId: chat.id }, orderBy: { ozonMessageId: "asc" } });
    expect(messages.map((m) => m.ozonMessageId)).toEqual([10n, BIG_A, BIG_B, NEAR_MAX]);
    expect(messages.map((m) => m.text)).toEqual(["10", String(BIG_A), String(BIG_B), String(NEAR_MAX)]);
    const after = await db.prisma.message.findMany({ where: { chatId: chat.id, ozonMessageId: { gt: BIG_A } } });
    expect(after).toHaveLength(2);
    await expect(
      db.prisma.message.create({ data: { ...base, ozonMessageId: BIG_A, text: "duplicate" } }),
    ).rejects.toThrow(/Unique constraint/);
  });

  it("stores the API key ciphertext as bytes", async () => {
    const { account } = await seed();
    const loaded = await db.prisma.sellerAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(Array.from(loaded.apiKeyCiphertext)).toEqual([0, 1, 2, 254, 255]);
  });

  it("keeps outbox client ids unique per account", async () => {
    const { user, account, chat } = await seed();
    const data = { accountId: account.id, chatId: chat.id, userId: user.id, clientId: "tmp-1", kind: "TEXT" as const, text: "hi" };
    const item = await db.prisma.outboxMessage.create({ data });
    expect(item).toMatchObject({ state: "PENDING", attempts: 0, sentAt: null });
    await expect(db.prisma.outboxMessage.create({ data })).rejects.toThrow(/Unique constraint/);
  });

  it("cascades account deletion and nulls the sender of messages of a deleted user", async () => {
    const { user, account, chat } = await seed();
    await db.prisma.message.create({
      data: { chatId: chat.id, ozonMessageId: BIG_A, authorType: "seller", authorId: "9", text: "hello", createdAt: new Date(), sentByUserId: user.id },
    });
    await db.prisma.user.delete({ where: { id: user.id } });
    expect((await db.prisma.message.findFirstOrThrow()).sentByUserId).toBeNull();
    expect(await db.prisma.accountMembership.count()).toBe(0);

    await db.prisma.sellerAccount.delete({ where: { id: account.id } });
    expect(await db.prisma.chat.count()).toBe(0);
    expect(await db.prisma.message.count()).toBe(0);
    expect(await db.prisma.syncState.count()).toBe(0);
  });

  it("runs interactive transactions: commit and rollback", async () => {
    const { account } = await seed();
    await db.prisma.$transaction(async (tx) => {
      await tx.syncState.update({ where: { accountId: account.id }, data: { phase: "IMPORTING", chatsTotal: 5 } });
    });
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.syncState.update({ where: { accountId: account.id }, data: { chatsDone: 5 } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.prisma.syncState.findUniqueOrThrow({ where: { accountId: account.id } })).toMatchObject({
      phase: "IMPORTING",
      chatsTotal: 5,
      chatsDone: 0,
    });
  });

  it("lists an account's chats by last message, newest first", async () => {
    const { account } = await seed();
    const make = (n: number, at: Date | null, unread = 0) =>
      db.prisma.chat.create({
        data: { accountId: account.id, ozonChatId: `c${n}`, type: "buyer_seller", isBuyerChat: true, createdAt: new Date(0), lastMessageAt: at, unreadCount: unread },
      });
    await make(1, new Date("2026-01-01T00:00:00Z"));
    await make(2, new Date("2026-03-01T00:00:00Z"), 2);
    await make(3, new Date("2026-02-01T00:00:00Z"));
    const chats = await db.prisma.chat.findMany({
      where: { accountId: account.id, lastMessageAt: { not: null } },
      orderBy: [{ lastMessageAt: "desc" }, { id: "asc" }],
    });
    expect(chats.map((c) => c.ozonChatId)).toEqual(["c2", "c3", "c1"]);
    expect(await db.prisma.chat.count({ where: { accountId: account.id, unreadCount: { gt: 0 } } })).toBe(1);
  });
});
