import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PrismaClient, type Db } from "@/lib/db/client";
import { captureLogLines } from "@/lib/log/testing";
import { createPostgresTestDatabase, forEachDatabase, testDatabaseKinds, type TestDatabase } from "@/lib/db/testing";
import { createLiveBus, type LiveBus } from "./create-live-bus";
import { liveEventSchema } from "./live-event";
import { publishChatChange } from "./publish-chat-change";
import { publishSyncState } from "./publish-sync-state";
import { pruneLiveEvents } from "./prune-live-events";
import { readLiveEventHorizon } from "./read-live-event-horizon";
import type { StoredLiveEvent } from "./stored-live-event";
import { collectEvents, createLiveTestChat } from "./test-helpers";

forEachDatabase("live bus in one process", (db) => {
  let bus: LiveBus;
  beforeEach(async () => {
    await db.reset();
    // A safety read far in the future: whatever arrives was woken by the publish itself.
    bus = createLiveBus(db.prisma, { safetyReadMs: 3_600_000 });
  });
  afterEach(() => bus.close());

  it("hands a published message, chat change and sync state to every subscriber, in order, as the schema says", async () => {
    const { accountId, chatId, messageId } = await createLiveTestChat(db.prisma, { unreadCount: 2 });
    const first = collectEvents<StoredLiveEvent>();
    const second = collectEvents<StoredLiveEvent>();
    await bus.subscribe(first.push);
    await bus.subscribe(second.push);

    await publishChatChange(db.prisma, { accountId, chatId, messageIds: [messageId] });
    await publishChatChange(db.prisma, { accountId, chatId });
    await publishSyncState(db.prisma, accountId);
    const events = await first.until(3);
    await second.until(3);

    expect(events.map((e) => e.event.kind)).toEqual(["message", "chat", "sync"]);
    expect(events[0]!.id < events[1]!.id && events[1]!.id < events[2]!.id).toBe(true);
    for (const { event } of events) expect(liveEventSchema.parse(event)).toEqual(event);
    const message = events[0]!.event;
    if (message.kind !== "message") throw new Error("not a message event");
    expect(message.messages.map((m) => m.id)).toEqual([messageId.toString()]);
    expect(message.chat).toMatchObject({ id: chatId, unreadCount: 2 });
    expect(message.totalUnread).toBe(2);
    expect(events[2]!.event).toMatchObject({ kind: "sync", sync: { phase: "INCREMENTAL", chatsTotal: 3, chatsDone: 3 } });
  });

  it("does not hand events to a subscriber that has left, nor events published before it came", async () => {
    const { accountId, chatId } = await createLiveTestChat(db.prisma);
    await publishChatChange(db.prisma, { accountId, chatId });
    const stays = collectEvents<StoredLiveEvent>();
    const leaves = collectEvents<StoredLiveEvent>();
    await bus.subscribe(stays.push);
    const leave = await bus.subscribe(leaves.push);
    leave();
    await publishSyncState(db.prisma, accountId);
    expect((await stays.until(1)).map((e) => e.event.kind)).toEqual(["sync"]);
    expect(leaves.events).toEqual([]);
  });

  it("publishes kind chat when the messages named are not stored, and nothing for a chat of another account", async () => {
    const { accountId, chatId } = await createLiveTestChat(db.prisma);
    const other = await createLiveTestChat(db.prisma);
    const seen = collectEvents<StoredLiveEvent>();
    await bus.subscribe(seen.push);
    await publishChatChange(db.prisma, { accountId: other.accountId, chatId });
    await publishChatChange(db.prisma, { accountId, chatId, messageIds: [1n] });
    expect((await seen.until(1)).map((e) => e.event.kind)).toEqual(["chat"]);
  });

  it("never throws: a failed publish logs one line without the error's details beyond its first line", async () => {
    const lines = await captureLogLines(async () => {
      const broken = { chat: { findFirst: () => Promise.reject(new Error("connection lost\nstack")) } } as unknown as Db;
      await expect(publishChatChange(broken, { accountId: "a", chatId: "c" })).resolves.toBeUndefined();
      const brokenSync = { syncState: { findUnique: () => Promise.reject(new Error("down")) } } as unknown as Db;
      await expect(publishSyncState(brokenSync, "a")).resolves.toBeUndefined();
    });
    expect(lines.map((line) => line.level)).toEqual(["warn", "warn"]);
    expect(lines[0]).toMatchObject({ msg: "live: could not publish a change of chat c: connection lost", chatId: "c" });
  });

  it("pruning forgets old events; the horizon then shows them gone", async () => {
    const { accountId } = await createLiveTestChat(db.prisma);
    await publishSyncState(db.prisma, accountId);
    await publishSyncState(db.prisma, accountId);
    expect(await pruneLiveEvents(db.prisma)).toBe(0); // 15 minutes: both are kept
    expect(await readLiveEventHorizon(db.prisma)).toEqual({ oldestKept: 1n, newest: 2n });
    expect(await pruneLiveEvents(db.prisma, 0)).toBe(2);
    expect(await readLiveEventHorizon(db.prisma)).toEqual({ oldestKept: null, newest: 2n });
  });
});

describe.runIf(testDatabaseKinds().includes("postgres"))("live bus across instances [postgres]", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createPostgresTestDatabase();
  });
  afterAll(() => db.dispose());
  let other: { prisma: PrismaClient; pool: pg.Pool };
  let bus: LiveBus;
  beforeEach(async () => {
    await db.reset();
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    pool.on("error", () => {});
    other = { prisma: new PrismaClient({ adapter: new PrismaPg(pool) }), pool };
    bus = createLiveBus(other.prisma, { listenUrl: db.url, safetyReadMs: 3_600_000, log: () => {} });
  });
  afterEach(async () => {
    await bus.close();
    await other.prisma.$disconnect();
    await other.pool.end();
  });

  it("an instance LISTENing on the same database receives what another instance publishes", async () => {
    const { accountId, chatId, messageId } = await createLiveTestChat(db.prisma);
    const seen = collectEvents<StoredLiveEvent>();
    await bus.subscribe(seen.push);
    await publishChatChange(db.prisma, { accountId, chatId, messageIds: [messageId] });
    const [event] = await seen.until(1);
    expect(event!.event).toMatchObject({ kind: "message", accountId, chat: { id: chatId } });
  });

  it("after its LISTEN connection is cut, it reconnects and delivers what was published meanwhile", async () => {
    const { accountId } = await createLiveTestChat(db.prisma);
    const seen = collectEvents<StoredLiveEvent>();
    await bus.subscribe(seen.push);
    const cut = await db.sql.query<{ n: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
    );
    expect(cut[0]!.n).toBe(1);
    await publishSyncState(db.prisma, accountId); // while down: no notification reaches it
    await publishSyncState(db.prisma, accountId);
    expect((await seen.until(2, 10_000)).map((e) => e.event.kind)).toEqual(["sync", "sync"]);
  });
});
