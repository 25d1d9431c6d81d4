/**
 * Programmatic entry: an in-process Ozon Seller API emulator on a real HTTP server (node:http), for tests,
 * the demo and benchmarks. It shares nothing with the app: it is written from Ozon's contract alone.
 */
import type { AddressInfo } from "node:net";
import { Emulator } from "./core";
import type { PushConfigPatch } from "./push";
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
  /** Product questions / reviews of demo-client (big shops for benchmarks); default the hand-made sets. */
  questions?: number;
  reviews?: number;
  /** Load the world from this JSON file when present; save it on changes (debounced) and on close. */
  stateFile?: string;
  /** Requests per sliding second per Client-Id; 0 = off; default 50 (Ozon's limit). */
  rateLimit?: number;
  /** Serve the fake CDN's images (fake-cdn.ts) and point every answer and push at them: the demo's browser shows them. */
  serveImages?: boolean;
  /** Don't print the "listening" line. */
  quiet?: boolean;
  /** Push receivers (README "Push notifications"); one per Client-Id, demo-client unless `clientId` says otherwise. */
  push?: PushOption | PushOption[];
}

export interface PushOption {
  clientId?: string;
  url: string | null;
  delayMs?: number;
  jitterMs?: number;
  dropRate?: number;
  dropNext?: number;
  timeoutMs?: number;
  retryDelaysMs?: number[];
}

function pushPatch(o: PushOption): PushConfigPatch {
  const patch: PushConfigPatch = {
    url: o.url,
    delay_ms: o.delayMs,
    jitter_ms: o.jitterMs,
    drop_rate: o.dropRate,
    drop_next: o.dropNext,
    timeout_ms: o.timeoutMs,
    retry_delays_ms: o.retryDelaysMs,
  };
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as PushConfigPatch;
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
    questions: options.questions,
    reviews: options.reviews,
    stateFile: options.stateFile,
    rateLimit: options.rateLimit ?? 50,
  });
  for (const push of options.push === undefined ? [] : Array.isArray(options.push) ? options.push : [options.push]) {
    const clientId = push.clientId ?? "demo-client";
    if (!emulator.seller(clientId)) throw new Error(`startEmulator: push for unknown client ${clientId}`);
    emulator.push.configure(clientId, pushPatch(push));
  }
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
  if (options.serveImages) emulator.serveImagesAt(url);
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
        emulator.push.close();
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
