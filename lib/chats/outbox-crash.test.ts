/**
 * The outbox survives the app process being killed — for real, SIGKILL of a process of its own — at each stage of
 * a send: the row written and nothing else, the row SENDING before Ozon's send is called, Ozon's send in flight
 * (applied by Ozon, its answer held), Ozon's confirmation received but the row not updated. The process is started
 * again (no agent does anything): every text ends at the buyer exactly once, cached once with its agent and its
 * client id (so every tab shows it once), and its row SENT with that message's id.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser } from "@/lib/auth/testing";
import { openDatabase, type DatabaseConfig, type OpenDatabase } from "@/lib/db/client";
import { createEmptyPostgresDatabase, testDatabaseKinds } from "@/lib/db/testing";
import { spawnOutboxChild } from "@/lib/testing/spawn-outbox-child";
import { withEmulator } from "@/lib/testing/with-emulator";
import { cacheFromOzon, createEmulatorAccount } from "./test-helpers";

const emulator = withEmulator({ rateLimit: 0 });
const SEND = "/v1/chat/send/message";

for (const kind of testDatabaseKinds()) {
  describe(`the outbox after the app process is killed [${kind}]`, () => {
    let config: DatabaseConfig;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      if (kind === "pglite") {
        const dir = mkdtempSync(path.join(tmpdir(), "outbox-crash-"));
        config = { kind: "pglite", dir: path.join(dir, "db") };
        cleanup = async () => rmSync(dir, { recursive: true, force: true });
      } else {
        const created = await createEmptyPostgresDatabase();
        config = { kind: "postgres", url: created.url };
        cleanup = created.drop;
      }
    });
    afterAll(async () => cleanup?.());

    /** The database, open in this process only while no child has it (PGlite is single-process). */
    async function withDb<T>(fn: (db: OpenDatabase) => Promise<T>): Promise<T> {
      const db = openDatabase(config);
      try {
        await db.migrate();
        return await fn(db);
      } finally {
        await db.close();
      }
    }

    it("settles every send killed at any stage once the app is back: at the buyer once, cached once, attributed", async () => {
      const ozon = emulator.control;
      const state = await ozon.state();
      const posting = state.postings.find(
        (p) => p.delivery_schema !== "FBO" && ["awaiting_packaging", "awaiting_deliver"].includes(String(p.status)) && p.chat_id,
      )!;
      const { accountId, userId, chatId } = await withDb(async (db) => {
        const accountId = await createEmulatorAccount(db.prisma);
        await cacheFromOzon(db.prisma, emulator.connection(), accountId, { messages: true });
        const agent = await createTestUser(db.prisma, { accountIds: [accountId] });
        const chat = await db.prisma.chat.findFirstOrThrow({ where: { accountId, ozonChatId: String(posting.chat_id) } });
        return { accountId, userId: agent.id, chatId: chat.id };
      });

      const stops = ["created", "before-send", "in-flight", "after-send"] as const;
      const jobs = stops.map((stop) => ({ chatId, clientId: `crash-${stop}`, text: `Ответ, прерванный на шаге ${stop}`, stop }));
      // The first send that reaches Ozon is applied and its answer held: the process dies with it in flight.
      await ozon.addFault({ path: SEND, mode: "timeout_after_apply", delay_ms: 120_000, count: 1 });

      const env = {
        DATABASE_URL: config.kind === "postgres" ? config.url : "",
        PGLITE_DIR: config.kind === "pglite" ? config.dir : "",
        OZON_API_URL: emulator.url,
        OUTBOX_LEASE_TTL_MS: "2000",
        OUTBOX_POLL_INTERVAL_MS: "200",
        SYNC_ENABLED: "false",
      };
      const app = spawnOutboxChild(env, { mode: "send", accountId, userId, jobs });
      try {
        await app.waitForLine((line) => line === "READY");
        for (const stop of stops) await app.waitForLine((line) => line === `STOPPED crash-${stop} ${stop}`);
        // In flight means applied by Ozon and not answered.
        const inFlight = jobs.find((job) => job.stop === "in-flight")!;
        while (!(await textsAtOzon(posting.chat_id!, inFlight.text)).length) await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        await app.kill();
      }
      const before = await withDb((db) => db.prisma.outboxMessage.findMany({ orderBy: { createdAt: "asc" } }));
      expect(before.map((row) => [row.clientId, row.state])).toEqual([
        ["crash-created", "PENDING"],
        ["crash-before-send", "SENDING"],
        ["crash-in-flight", "SENDING"],
        ["crash-after-send", "SENDING"],
      ]);

      // The app starts again; nobody presses anything.
      const restarted = spawnOutboxChild(env, { mode: "drain" });
      const line = await restarted.waitForLine((l) => l === "DRAINED");
      expect(line, restarted.output()).toBe("DRAINED");
      expect(await restarted.exited).toBe(0);

      await withDb(async (db) => {
        const rows = await db.prisma.outboxMessage.findMany({ orderBy: { createdAt: "asc" } });
        for (const job of jobs) {
          const atOzon = await textsAtOzon(posting.chat_id!, job.text);
          expect(atOzon, job.stop).toHaveLength(1);
          const row = rows.find((r) => r.clientId === job.clientId)!;
          expect(row, job.stop).toMatchObject({ state: "SENT", ozonMessageId: BigInt(atOzon[0]!.message_id), leaseOwner: null });
          const cached = await db.prisma.message.findMany({ where: { chatId, text: job.text } });
          expect(cached, job.stop).toHaveLength(1);
          expect(cached[0], job.stop).toMatchObject({ ozonMessageId: row.ozonMessageId, sentByUserId: userId, clientId: job.clientId });
        }
        // Attempts count the rows marked SENDING for a send: the one stopped before Ozon's call was sent again after
        // the restart found it absent at Ozon; the others were found (or sent once, for the one only written).
        expect(rows.map((row) => row.attempts)).toEqual([1, 2, 1, 1]);
      });
    }, 180_000);
  });
}

async function textsAtOzon(ozonChatId: string, text: string) {
  const state = await emulator.control.state();
  return state.chats.find((chat) => chat.chat_id === ozonChatId)!.messages.filter((message) => message.data.join("\n") === text);
}
