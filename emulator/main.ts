/**
 * CLI: `npm run emulator` (tsx emulator/main.ts). Starts the Ozon emulator on 127.0.0.1 and prints
 * `Ozon emulator listening on http://127.0.0.1:<port>`.
 *
 * Flags: --port N (default EMULATOR_PORT or 8787; 0 = any free port), --seed N (default 1), --chats N,
 * --messages-per-chat N, --questions N, --reviews N, --state FILE, --rate-limit N (default 50; 0 = off), --push-url URL (demo-client's push
 * receiver), --help.
 */
import { parseArgs } from "node:util";
import { DEFAULT_PORT, startEmulator } from "./index";

const USAGE = `Usage: tsx emulator/main.ts [--port N] [--seed N] [--chats N] [--messages-per-chat N] [--questions N] [--reviews N] [--state FILE] [--rate-limit N] [--push-url URL]`;

function intFlag(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be an integer >= ${min}\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

function pushUrlFlag(value: string): string {
  if (!/^https?:\/\/\S+$/.test(value)) {
    console.error(`--push-url must be an http(s) URL\n${USAGE}`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      seed: { type: "string" },
      chats: { type: "string" },
      "messages-per-chat": { type: "string" },
      questions: { type: "string" },
      reviews: { type: "string" },
      state: { type: "string" },
      "rate-limit": { type: "string" },
      "push-url": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const envPort = process.env.EMULATOR_PORT;
  const port = intFlag("port", values.port, 0) ?? intFlag("EMULATOR_PORT", envPort || undefined, 0) ?? DEFAULT_PORT;
  const emulator = await startEmulator({
    port,
    seed: intFlag("seed", values.seed, 0),
    chats: intFlag("chats", values.chats, 1),
    messagesPerChat: intFlag("messages-per-chat", values["messages-per-chat"], 1),
    questions: intFlag("questions", values.questions, 1),
    reviews: intFlag("reviews", values.reviews, 1),
    stateFile: values.state,
    rateLimit: intFlag("rate-limit", values["rate-limit"], 0),
    serveImages: true,
    push: values["push-url"] ? { url: pushUrlFlag(values["push-url"]) } : undefined,
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    // close() saves the --state file one last time.
    emulator.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`Ozon emulator: error while stopping on ${signal}:`, err);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
