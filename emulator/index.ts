/**
 * Programmatic entry: an in-process Ozon Seller API emulator on a real HTTP server (node:http), for tests,
 * the demo and benchmarks. It shares nothing with the app: it is written from Ozon's contract alone.
 */
import type { AddressInfo } from "node:net";
import { Emulator } from "./core";
import { createEmulatorServer } from "./server";

export interface StartEmulatorOptions {
  /** 0 = any free port; default EMULATOR_PORT or 8787. */
  port?: number;
  /** PRNG seed of the seeded world; default 1. */
  seed?: number;
  /** Chats for demo-client (large shops for benchmarks); default the hand-made scenario set. */
  chats?: number;
  /** Messages in every chat; default 2..8 varying by scenario. */
  messagesPerChat?: number;
  /** Load the world from this JSON file when present; save it on changes (debounced) and on close. */
  stateFile?: string;
  /** Requests per sliding second per Client-Id; 0 = off; default 50 (Ozon's limit). */
  rateLimit?: number;
  /** Don't print the "listening" line. */
  quiet?: boolean;
}

export interface RunningEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8787;

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = new Emulator({
    seed: options.seed ?? 1,
    chats: options.chats,
    messagesPerChat: options.messagesPerChat,
    stateFile: options.stateFile,
    rateLimit: options.rateLimit ?? 50,
  });
  const http = createEmulatorServer(emulator);
  const port = options.port ?? (process.env.EMULATOR_PORT ? Number(process.env.EMULATOR_PORT) : DEFAULT_PORT);
  await new Promise<void>((resolve, reject) => {
    http.server.once("error", reject);
    http.server.listen(port, "127.0.0.1", () => {
      http.server.off("error", reject);
      resolve();
    });
  });
  const actualPort = (http.server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${actualPort}`;
  if (!options.quiet) console.log(`Ozon emulator listening on ${url}`);
  if (options.stateFile) emulator.changed();

  let closed: Promise<void> | null = null;
  return {
    url,
    port: actualPort,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        http.server.close((err) => (err ? reject(err) : resolve()));
        http.destroyAll();
        try {
          emulator.saveNow();
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
      return closed;
    },
  };
}
