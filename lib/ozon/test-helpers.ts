/** Test-only helpers (imported by *.test.ts). */
import type { OzonConnection } from "./connection";

export type RecordedCall = { url: string; headers: Record<string, string>; body: string };

export function jsonResponse(body: unknown | string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === "string" ? body : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** A fetch that answers from `handler` and records each call. */
export function fakeFetch(handler: (call: RecordedCall, n: number) => Response | Promise<Response>) {
  const calls: RecordedCall[] = [];
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    const call = { url: String(input), headers, body: String(init?.body ?? "") };
    calls.push(call);
    const signal = init?.signal;
    if (signal?.aborted) throw signal.reason;
    const res = handler(call, calls.length);
    if (!(res instanceof Promise)) return res;
    return await new Promise<Response>((resolve, reject) => {
      signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
      res.then(resolve, reject);
    });
  }) as typeof fetch;
  return { fetch: fn, calls };
}

export const TEST_KEY = "sk-test-9f8e7d6c5b4a-SECRET";

export function testConn(f: typeof fetch, extra: Partial<OzonConnection> = {}): OzonConnection {
  return {
    baseUrl: "https://ozon.test",
    clientId: "12345",
    apiKey: TEST_KEY,
    fetch: f,
    timeoutMs: 1000,
    retry: { baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 5000 },
    ...extra,
  };
}

/** Every string reachable from an error: message, stack, own props, cause chain, JSON, inspect. */
export async function everyTextOf(e: unknown): Promise<string> {
  const { inspect } = await import("node:util");
  const parts: string[] = [String(e), inspect(e, { depth: 10, showHidden: true })];
  try {
    parts.push(JSON.stringify(e));
  } catch {
    /* ignore */
  }
  let cur: unknown = e;
  for (let i = 0; i < 10 && cur; i++) {
    const o = cur as Record<string, unknown>;
    parts.push(String(o.message), String(o.stack));
    for (const k of Object.getOwnPropertyNames(o)) parts.push(String(o[k]));
    cur = o.cause;
  }
  return parts.join("\n");
}
