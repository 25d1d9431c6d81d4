/**
 * The running emulator minus HTTP: the world, the clock, faults, latency, call counts, the rate limiter and
 * persistence. server.ts speaks HTTP on top of it; control.ts changes it for tests.
 */
import { rewriteFakeCdnUrls } from "./fake-cdn";
import { FaultRegistry, RateLimiter } from "./faults";
import { fromSnapshot, loadSnapshotFile, saveSnapshotFile, toSnapshot } from "./persist";
import { Prng } from "./prng";
import { PushSender } from "./push";
import { buildWorld } from "./seed";
import { Clock, type Seller, type World } from "./state";

export interface EmulatorOptions {
  seed: number;
  chats?: number;
  messagesPerChat?: number;
  questions?: number;
  reviews?: number;
  stateFile?: string;
  /** Requests per sliding second per Client-Id; 0 = off. */
  rateLimit: number;
}

export interface CallCounts {
  total: number;
  by_path: Record<string, number>;
  by_client: Record<string, number>;
}

const SAVE_DEBOUNCE_MS = 300;
/** A save blocks the event loop (a 2-million-message shop takes seconds), so saves of big worlds are spaced out more. */
const SAVE_SPACING_FACTOR = 5;

export class Emulator {
  readonly clock = new Clock();
  readonly faults = new FaultRegistry();
  readonly rateLimiter: RateLimiter;
  /** Drives fault probabilities and latency jitter; not used for data. */
  readonly chaosRng = new Prng(0xfa17);
  latency = { ms: 0, jitterMs: 0 };
  /** Ozon's push notifications to the sellers' receivers; its configs survive reset(), its log does not. */
  readonly push = new PushSender();
  calls: CallCounts = { total: 0, by_path: {}, by_client: {} };
  /**
   * What every Ozon answer and push body passes through on its way out: with serveImagesAt(), the fake CDN's URLs
   * under this emulator's own origin (fake-cdn.ts); otherwise unchanged.
   */
  publicText: ((text: string) => string) | undefined = undefined;
  world: World;
  private saveTimer: NodeJS.Timeout | null = null;
  private lastSaveMs = 0;

  constructor(readonly options: EmulatorOptions) {
    this.rateLimiter = new RateLimiter(options.rateLimit);
    const snap = options.stateFile ? loadSnapshotFile(options.stateFile) : null;
    if (snap) {
      const loaded = fromSnapshot(snap);
      this.world = loaded.world;
      this.clock.offsetMs = loaded.clockOffsetMs;
    } else {
      this.world = this.seedWorld(options.seed);
    }
  }

  /** Images of the fake CDN are served by this emulator at `publicUrl` from now on (the demo's browser loads them). */
  serveImagesAt(publicUrl: string): void {
    this.publicText = (text) => rewriteFakeCdnUrls(text, publicUrl);
    this.push.rewriteBody = this.publicText;
  }

  private seedWorld(seed: number): World {
    return buildWorld(
      { seed, chats: this.options.chats, messagesPerChat: this.options.messagesPerChat, questions: this.options.questions, reviews: this.options.reviews },
      this.clock.now(),
    );
  }

  now(): number {
    return this.clock.now();
  }

  seller(clientId: string): Seller | undefined {
    return this.world.sellers.get(clientId);
  }

  /**
   * Back to the seeded state; clears faults, latency, call counts, rate-limit windows, the clock offset, the push log
   * and the push drop counters. Push URLs stay: tests configure the receiver once and reset before each test.
   */
  reset(seed = this.world.seed): void {
    this.clock.offsetMs = 0;
    this.push.clearLog();
    this.faults.clear();
    this.latency = { ms: 0, jitterMs: 0 };
    this.resetCalls();
    this.rateLimiter.reset();
    this.world = this.seedWorld(seed);
    this.changed();
  }

  resetCalls(): void {
    this.calls = { total: 0, by_path: {}, by_client: {} };
  }

  countCall(path: string, clientId: string | undefined): void {
    this.calls.total++;
    this.calls.by_path[path] = (this.calls.by_path[path] ?? 0) + 1;
    const client = clientId ?? "";
    this.calls.by_client[client] = (this.calls.by_client[client] ?? 0) + 1;
  }

  /** Something in the world or clock changed: schedule a debounced save when a state file is configured. */
  changed(): void {
    if (!this.options.stateFile || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.saveNow();
    }, Math.max(SAVE_DEBOUNCE_MS, this.lastSaveMs * SAVE_SPACING_FACTOR));
    this.saveTimer.unref();
  }

  saveNow(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    if (!this.options.stateFile) return;
    const started = Date.now();
    saveSnapshotFile(this.options.stateFile, toSnapshot(this.world, this.clock.offsetMs));
    this.lastSaveMs = Date.now() - started;
  }
}
