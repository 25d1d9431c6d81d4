/**
 * Contract-test helpers: start the emulator in-process on a free port and drive its control API.
 * (Imported only by contract-*.test.ts.)
 */
import type { OzonConnection } from "./connection";

export type Emulator = { url: string; port: number; close(): Promise<void> | void };

export type StateMessage = {
  message_id: string;
  user: { id: string; type: string };
  created_at: string;
  is_read: boolean;
  is_image: boolean;
  moderate_image_status?: string;
  data: string[];
  context?: { order_number: string; sku: string };
};
export type StateChat = {
  chat_id: string;
  chat_type: string;
  chat_status: string;
  posting_number: string | null;
  created_at: string;
  unread_count: number;
  messages: StateMessage[];
};
export type State = { now: string; sellers: unknown[]; postings: Record<string, unknown>[]; chats: StateChat[] };

export const DEMO = { clientId: "demo-client", apiKey: "demo-api-key" };
export const BASIC = { clientId: "basic-client", apiKey: "basic-api-key" };

export async function startTestEmulator(): Promise<Emulator> {
  // Imported lazily so a missing emulator fails only the contract tests.
  const mod = (await import("@/emulator")) as unknown as {
    startEmulator(o?: { port?: number; seed?: number; quiet?: boolean }): Promise<Emulator>;
  };
  return mod.startEmulator({ port: 0, seed: 1, quiet: true });
}

export function connFor(emu: Emulator, who = DEMO, extra: Partial<OzonConnection> = {}): OzonConnection {
  return {
    baseUrl: emu.url,
    clientId: who.clientId,
    apiKey: who.apiKey,
    timeoutMs: 5000,
    retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 5000 },
    ...extra,
  };
}

export function control(emu: Emulator) {
  async function call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(emu.url + path, {
      method,
      headers: { "content-type": "application/json" },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return {
    call,
    reset: (seed?: number) => call("POST", "/__emulator/reset", seed === undefined ? {} : { seed }),
    state: (clientId = DEMO.clientId) => call<State>("GET", `/__emulator/state?client_id=${encodeURIComponent(clientId)}`),
    calls: () => call<{ total: number; by_path: Record<string, number> }>("GET", "/__emulator/calls"),
    clearCalls: () => call("DELETE", "/__emulator/calls"),
    buyerMessage: (b: { chat_id?: string; posting_number?: string; text: string; is_image?: boolean; client_id?: string }) =>
      call<{ chat_id: string; message_id: string }>("POST", "/__emulator/buyer-message", b),
    supportMessage: (b: { chat_id?: string; text: string; client_id?: string }) =>
      call<{ chat_id: string; message_id: string }>("POST", "/__emulator/support-message", b),
    pay: (posting_number: string) => call("POST", "/__emulator/postings/pay", { posting_number }),
    deliver: (posting_number: string) => call("POST", "/__emulator/postings/deliver", { posting_number }),
    advance: (t: { hours?: number; minutes?: number; ms?: number }) => call<{ now: string }>("POST", "/__emulator/clock/advance", t),
    latency: (ms: number, jitter_ms = 0) => call("POST", "/__emulator/latency", { ms, jitter_ms }),
    fault: (f: {
      path?: string;
      client_id?: string;
      mode: "error" | "rate_limit" | "drop" | "timeout_after_apply";
      status?: number;
      rate?: number;
      count?: number;
      retry_after_seconds?: number;
      delay_ms?: number;
    }) => call<{ id: string }>("POST", "/__emulator/faults", f),
    clearFaults: () => call("DELETE", "/__emulator/faults"),
    /** A raw Ozon-API call (bypassing the client's checks) to see what the emulator itself answers. */
    raw: async (path: string, body: unknown, who = DEMO) => {
      const res = await fetch(emu.url + path, {
        method: "POST",
        headers: { "Client-Id": who.clientId, "Api-Key": who.apiKey, "Content-Type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let json: unknown = undefined;
      try {
        json = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: res.status, json: json as { code?: number; message?: string } | undefined, text, headers: res.headers };
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
