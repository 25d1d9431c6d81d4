/**
 * Injected faults (POST /__emulator/faults) and the per-Client-Id rate limiter.
 */
import type { Prng } from "./prng";

export type FaultMode = "error" | "rate_limit" | "drop" | "timeout_after_apply";

export interface Fault {
  id: string;
  path?: string;
  client_id?: string;
  mode: FaultMode;
  status: number;
  /** Probability that a matching request is hit, 0..1. */
  rate: number;
  /** Remaining requests to hit; undefined = unlimited. */
  count?: number;
  retry_after_seconds: number;
  delay_ms?: number;
}

export class FaultRegistry {
  private faults: Fault[] = [];
  private seq = 0;

  add(f: Omit<Fault, "id">): Fault {
    const fault = { ...f, id: `fault-${++this.seq}` };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  /** The first fault that hits this request (consuming one of its `count`), or undefined. */
  take(path: string, clientId: string | undefined, rng: Prng): Fault | undefined {
    for (const f of this.faults) {
      if (f.path !== undefined && f.path !== path) continue;
      if (f.client_id !== undefined && f.client_id !== clientId) continue;
      if (f.rate < 1 && rng.next() >= f.rate) continue;
      if (f.count !== undefined) {
        f.count--;
        if (f.count <= 0) this.faults = this.faults.filter((x) => x !== f);
      }
      return f;
    }
    return undefined;
  }
}

/**
 * Ozon: at most 50 requests per second per Client-Id across all methods. A sliding one-second window over
 * real time (not the emulator clock: the limit protects the server, it is not part of the business rules).
 * Rejected requests are not counted, so a client that backs off for Retry-After seconds gets through.
 */
export class RateLimiter {
  private hits = new Map<string, number[]>();

  constructor(public limit: number) {}

  /** null when allowed (and counted); otherwise the seconds to wait (integer >= 1). */
  check(clientId: string, nowMs = Date.now()): number | null {
    if (this.limit <= 0) return null;
    let log = this.hits.get(clientId);
    if (!log) this.hits.set(clientId, (log = []));
    while (log.length > 0 && log[0]! <= nowMs - 1000) log.shift();
    if (log.length >= this.limit) {
      const waitMs = log[0]! + 1000 - nowMs;
      return Math.max(1, Math.ceil(waitMs / 1000));
    }
    log.push(nowMs);
    return null;
  }

  reset(): void {
    this.hits.clear();
  }
}
