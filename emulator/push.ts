/**
 * Ozon's push notifications (contract §11): per Client-Id a receiver URL, and a sender that POSTs JSON payloads to it
 * off the request path, with configurable delay, drops, timeout and retries, logging every attempt.
 *
 * Pushes are produced only by control calls (Ozon-side events), never by the Ozon-API routes, so they cannot slow
 * those down. Sending is scheduled after the control call has answered.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { performance } from "node:perf_hooks";
import { Prng } from "./prng";

/** Ozon suspends pushes to a URL whose answers take longer than 5 s (§11.3). */
const DEFAULT_PUSH_TIMEOUT_MS = 5000;
/**
 * Ozon's real schedule starts "after a few seconds", grows up to 10 min, then 5 more tries every 10 min (§11.3); that
 * is too slow for tests and demos, so the default is a compressed schedule of the same shape.
 */
const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [2000, 5000, 15000];
/** The log keeps the newest pushes only, so a long benchmark cannot grow it without bound. */
const MAX_LOG = 100_000;
const MAX_RESPONSE_BYTES = 64 * 1024;

export interface PushConfig {
  client_id: string;
  /** null = pushes off. */
  url: string | null;
  delay_ms: number;
  jitter_ms: number;
  /** Probability 0..1 that a push is dropped (never sent). */
  drop_rate: number;
  /** The next N pushes are dropped. */
  drop_next: number;
  timeout_ms: number;
  /** Waits before the 2nd, 3rd, … attempt; attempts = 1 + length. */
  retry_delays_ms: number[];
}

export type PushConfigPatch = Partial<Omit<PushConfig, "client_id">>;

export type PushPayload = { message_type: string } & Record<string, unknown>;

export interface PushAttempt {
  /** Epoch ms (with fraction) when the request started. */
  sent_at: number;
  status: number | null;
  error: string | null;
  duration_ms: number;
}

export interface PushRecord {
  id: string;
  client_id: string;
  message_type: string;
  chat_id: string | null;
  message_id?: string;
  /** When the event happened (the emulator's clock). */
  created_at: string;
  attempts: PushAttempt[];
  delivered: boolean;
  dropped: boolean;
  /** Delivered, dropped, or out of retries: nothing more will happen to it. */
  settled: boolean;
  payload: PushPayload;
}

export interface PingResult {
  status: number | null;
  body: unknown;
  ok: boolean;
  /** Why the check failed, in the words of Ozon's cabinet (§11.2): REQUEST_TIMEOUT, STATUS_CODE_NOT_OK, … */
  error: string | null;
}

interface HttpOutcome {
  status: number | null;
  contentType: string;
  text: string;
  error: string | null;
}

interface Waiter {
  count: number;
  clientId: string | undefined;
  resolve: (done: boolean) => void;
  timer: NodeJS.Timeout;
}

function defaultPushConfig(clientId: string): PushConfig {
  return {
    client_id: clientId,
    url: null,
    delay_ms: 0,
    jitter_ms: 0,
    drop_rate: 0,
    drop_next: 0,
    timeout_ms: DEFAULT_PUSH_TIMEOUT_MS,
    retry_delays_ms: [...DEFAULT_RETRY_DELAYS_MS],
  };
}

const now = () => performance.timeOrigin + performance.now();

export class PushSender {
  private readonly configs = new Map<string, PushConfig>();
  private log: PushRecord[] = [];
  private seq = 0;
  /** Bumped by clearLog(): scheduled sends and retries of older pushes stop. */
  private generation = 0;
  private rng = new Prng(0x9054);
  private readonly timers = new Set<NodeJS.Timeout>();
  private waiters: Waiter[] = [];
  private readonly httpAgent = new HttpAgent({ keepAlive: true });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true });

  configure(clientId: string, patch: PushConfigPatch): PushConfig {
    const config = { ...(this.configs.get(clientId) ?? defaultPushConfig(clientId)), ...patch };
    this.configs.set(clientId, config);
    return { ...config, retry_delays_ms: [...config.retry_delays_ms] };
  }

  configList(): PushConfig[] {
    return [...this.configs.values()].map((c) => ({ ...c, retry_delays_ms: [...c.retry_delays_ms] }));
  }

  pushes(clientId?: string): PushRecord[] {
    return clientId ? this.log.filter((p) => p.client_id === clientId) : [...this.log];
  }

  /** Clears the log and the drop counters and stops pending sends; the configured URLs stay. */
  clearLog(): void {
    this.generation++;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.log = [];
    this.rng = new Prng(0x9054);
    for (const c of this.configs.values()) c.drop_next = 0;
    this.wake();
  }

  close(): void {
    this.clearLog();
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.resolve(false);
    }
    this.waiters = [];
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  /** Set by Emulator.serveImagesAt: the fake CDN's URLs under the emulator's origin in every push body. */
  rewriteBody: ((text: string) => string) | undefined = undefined;

  private publicBody(text: string): string {
    return this.rewriteBody ? this.rewriteBody(text) : text;
  }

  /**
   * An Ozon-side event for `clientId`: logs and sends `payload` if the client has a URL. Returns at once; the
   * request goes out from a timer, after the caller has answered.
   */
  notify(clientId: string, payload: PushPayload, createdAt: string): PushRecord | null {
    const config = this.configs.get(clientId);
    if (!config?.url) return null;
    const record = this.record(clientId, payload, createdAt);
    if (config.drop_next > 0) {
      config.drop_next--;
      return this.drop(record);
    }
    if (config.drop_rate > 0 && this.rng.next() < config.drop_rate) return this.drop(record);
    const target = { url: config.url, timeoutMs: config.timeout_ms, retryDelays: [...config.retry_delays_ms] };
    const body = this.publicBody(JSON.stringify(payload));
    const generation = this.generation;
    const attempt = async (n: number): Promise<void> => {
      const started = now();
      const outcome = await this.post(target.url, body, target.timeoutMs);
      const attemptLog: PushAttempt = { sent_at: started, status: outcome.status, error: outcome.error, duration_ms: now() - started };
      if (generation !== this.generation) return;
      record.attempts.push(attemptLog);
      if (outcome.status === 200 && outcome.error === null) {
        record.delivered = true;
        this.settle(record);
      } else if (n < target.retryDelays.length) {
        this.schedule(() => void attempt(n + 1), target.retryDelays[n]!);
      } else this.settle(record);
    };
    const delay = config.delay_ms + (config.jitter_ms > 0 ? Math.floor(this.rng.next() * config.jitter_ms) : 0);
    this.schedule(() => void attempt(0), delay);
    return record;
  }

  /** Ozon's "Проверить" button: one TYPE_PING, no drops, no retries, no delay; logged like any push. */
  async ping(clientId: string, time: string): Promise<PingResult | null> {
    const config = this.configs.get(clientId);
    if (!config?.url) return null;
    const payload = { message_type: "TYPE_PING", time };
    const record = this.record(clientId, payload, time);
    const started = now();
    const outcome = await this.post(config.url, JSON.stringify(payload), config.timeout_ms);
    record.attempts.push({ sent_at: started, status: outcome.status, error: outcome.error, duration_ms: now() - started });
    const check = pingCheck(outcome);
    record.delivered = check.ok;
    this.settle(record);
    return check;
  }

  /** Resolves true once `count` pushes (of `clientId`, if given) have settled, false after `timeoutMs`. */
  waitSettled(count: number, timeoutMs: number, clientId?: string): Promise<boolean> {
    if (this.settledCount(clientId) >= count) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        count,
        clientId,
        resolve,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(false);
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  private record(clientId: string, payload: PushPayload, createdAt: string): PushRecord {
    const record: PushRecord = {
      id: String(++this.seq),
      client_id: clientId,
      message_type: payload.message_type,
      chat_id: typeof payload.chat_id === "string" ? payload.chat_id : null,
      ...(typeof payload.message_id === "string" ? { message_id: payload.message_id } : {}),
      created_at: createdAt,
      attempts: [],
      delivered: false,
      dropped: false,
      settled: false,
      payload,
    };
    this.log.push(record);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
    return record;
  }

  private drop(record: PushRecord): PushRecord {
    record.dropped = true;
    this.settle(record);
    return record;
  }

  private settle(record: PushRecord): void {
    record.settled = true;
    this.wake();
  }

  private settledCount(clientId: string | undefined): number {
    let n = 0;
    for (const p of this.log) if (p.settled && (!clientId || p.client_id === clientId)) n++;
    return n;
  }

  private wake(): void {
    if (this.waiters.length === 0) return;
    this.waiters = this.waiters.filter((w) => {
      if (this.settledCount(w.clientId) < w.count) return true;
      clearTimeout(w.timer);
      w.resolve(true);
      return false;
    });
  }

  private schedule(fn: () => void, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  /** One POST; the whole exchange (connect to last byte) must fit in `timeoutMs`. Never rejects. */
  private post(url: string, body: string, timeoutMs: number): Promise<HttpOutcome> {
    return new Promise((resolve) => {
      let settled = false;
      const finish = (outcome: HttpOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const https = url.startsWith("https:");
      const req = (https ? httpsRequest : httpRequest)(url, {
        method: "POST",
        agent: https ? this.httpsAgent : this.httpAgent,
        headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) },
      });
      const timer = setTimeout(() => {
        finish({ status: null, contentType: "", text: "", error: "REQUEST_TIMEOUT" });
        req.destroy();
      }, timeoutMs);
      req.on("error", (err) => finish({ status: null, contentType: "", text: "", error: `REQUEST_ERROR: ${err.message}` }));
      req.on("response", (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
        });
        res.on("error", (err) => finish({ status: null, contentType: "", text: "", error: `REQUEST_ERROR: ${err.message}` }));
        res.on("end", () => {
          const status = res.statusCode ?? null;
          finish({
            status,
            contentType: String(res.headers["content-type"] ?? ""),
            text: Buffer.concat(chunks).toString("utf8"),
            error: status === 200 ? null : "STATUS_CODE_NOT_OK",
          });
        });
      });
      req.end(body);
    });
  }
}

/** What Ozon's URL check accepts (§11.2): 200, application/json, {version, name, time} strings. */
function pingCheck(outcome: HttpOutcome): PingResult {
  let body: unknown = outcome.text === "" ? null : outcome.text;
  let json: unknown;
  try {
    json = outcome.text === "" ? undefined : JSON.parse(outcome.text);
    if (json !== undefined) body = json;
  } catch {
    json = undefined;
  }
  const fail = (error: string): PingResult => ({ status: outcome.status, body: outcome.status === null ? null : body, ok: false, error });
  if (outcome.error) return fail(outcome.error);
  if (outcome.text === "") return fail("EMPTY_BODY");
  if (!outcome.contentType.toLowerCase().includes("application/json")) return fail("INVALID_BODY");
  if (json === undefined) return fail("INVALID_JSON");
  const o = json as Record<string, unknown>;
  if (typeof o !== "object" || o === null || typeof o.version !== "string" || typeof o.name !== "string") return fail("WRONG_RESULT_FIELD");
  if (typeof o.time !== "string") return fail("WRONG_RESULT_TIME_FIELD");
  return { status: outcome.status, body, ok: true, error: null };
}
