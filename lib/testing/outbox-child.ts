/**
 * Test-only: an app process reduced to the outbox, for the tests that kill it for real (lib/chats/outbox-crash.test.ts,
 * the soak in bench/). Reads the database and Ozon from the environment like the app (DATABASE_URL or PGLITE_DIR,
 * OZON_API_URL, the secrets, OUTBOX_*), and one JSON argument:
 *
 * - `{"mode": "send", "accountId", "userId", "jobs": [{chatId, clientId, text, stop}]}`: sends each job through the
 *   app's send path (sendChatMessage), one after another, and stops a job where `stop` says, printing
 *   `STOPPED <clientId> <stop>` and holding it there for good: `created` (the row is written, nothing else),
 *   `before-send` (the row is SENDING, Ozon not called), `after-send` (Ozon confirmed, the row not updated yet),
 *   `in-flight` (goes on into Ozon's send call, which the test holds at the emulator). `none` sends to the end.
 *   Prints `READY` once every job is stopped or done, then waits to be killed (no outbox worker runs: the stops
 *   stay as they are until the kill).
 * - `{"mode": "drain"}`: starts the outbox worker (a restarted app), waits until no message is left unsettled,
 *   prints `DRAINED` and exits.
 * - `{"mode": "soak", "accountId", "userId", "jobs": [{chatId, clientId, text}], "concurrency"}`: the app at work
 *   (its outbox worker running): sends the jobs, `concurrency` at a time, printing `START <clientId>` before each
 *   and `DONE <clientId> <state>` after; then waits until nothing is unsettled, prints `DRAINED` and exits.
 */
import { getAccountConnection } from "@/lib/accounts/get-account-connection";
import { createOutboxRow } from "@/lib/chats/create-outbox-row";
import { setOutboxStageHook, type OutboxStage } from "@/lib/chats/outbox-stage-hook";
import { sendChatMessage } from "@/lib/chats/send-chat-message";
import { startOutboxWorker } from "@/lib/chats/start-outbox-worker";
import { closeDatabase, prepareDatabase } from "@/lib/db/client";

type Stop = "created" | "before-send" | "after-send" | "in-flight" | "none";
type Job = { chatId: string; clientId: string; text: string; stop: Stop };
type SoakJob = { chatId: string; clientId: string; text: string };
type Input =
  | { mode: "send"; accountId: string; userId: string; jobs: Job[] }
  | { mode: "drain"; pollMs?: number }
  | { mode: "soak"; accountId: string; userId: string; jobs: SoakJob[]; concurrency: number };

const forever = () => new Promise<never>(() => {});

async function main() {
  const input = JSON.parse(process.argv[2] ?? "{}") as Input;
  const db = await prepareDatabase();

  const drain = async (pollMs = 100) => {
    while ((await db.outboxMessage.count({ where: { state: { in: ["PENDING", "SENDING", "UNKNOWN"] } } })) > 0) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  };
  if (input.mode === "drain" || input.mode === "soak") {
    const worker = startOutboxWorker();
    if (input.mode === "soak") {
      const queue = [...input.jobs];
      const connection = await getAccountConnection(db, input.accountId);
      const sendNext = async () => {
        for (let job = queue.shift(); job; job = queue.shift()) {
          console.log(`START ${job.clientId}`);
          const target = { accountId: input.accountId, chatId: job.chatId, userId: input.userId };
          const state = await sendChatMessage(db, connection, target, { clientId: job.clientId, text: job.text }).then(
            (outcome) => outcome.outbox.state,
            (error: unknown) => `ERROR:${(error as { code?: string }).code ?? "unknown"}`,
          );
          console.log(`DONE ${job.clientId} ${state}`);
        }
      };
      await Promise.all(Array.from({ length: input.concurrency }, sendNext));
    }
    await drain(input.mode === "drain" ? input.pollMs : undefined);
    await worker.stop();
    await closeDatabase();
    console.log("DRAINED");
    return;
  }

  const reached = new Map<string, (stage: OutboxStage) => void>();
  const byClient = new Map(input.jobs.map((job) => [job.clientId, job]));
  setOutboxStageHook(async (stage, row) => {
    const job = byClient.get(row.clientId);
    reached.get(row.clientId)?.(stage);
    if (job && job.stop === stage) {
      console.log(`STOPPED ${job.clientId} ${stage}`);
      await forever();
    }
  });

  for (const job of input.jobs) {
    const target = { accountId: input.accountId, chatId: job.chatId, userId: input.userId };
    if (job.stop === "created") {
      await createOutboxRow(db, { ...target, clientId: job.clientId, kind: "TEXT", text: job.text });
      console.log(`STOPPED ${job.clientId} created`);
      continue;
    }
    const connection = await getAccountConnection(db, input.accountId);
    const stage = new Promise<void>((resolve) => {
      reached.set(job.clientId, (at) => {
        // In flight: Ozon's send has been called (the emulator holds it); the test waits for it to be applied.
        if (at === job.stop || (job.stop === "in-flight" && at === "before-send")) resolve();
      });
    });
    const sent = sendChatMessage(db, connection, target, { clientId: job.clientId, text: job.text });
    sent.catch(() => {});
    await Promise.race([stage, job.stop === "none" || job.stop === "in-flight" ? sent.then(() => {}) : forever()]);
    if (job.stop === "in-flight") console.log(`STOPPED ${job.clientId} in-flight`);
  }
  console.log("READY");
  await forever();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
