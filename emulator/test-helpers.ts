/** Helpers for the emulator's own tests: a tiny Ozon client over real HTTP that keeps big ids as strings. */
import { isSafeNumber, parse } from "lossless-json";

export const DEMO = { "Client-Id": "demo-client", "Api-Key": "demo-api-key" } as const;
export const BASIC = { "Client-Id": "basic-client", "Api-Key": "basic-api-key" } as const;

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** Parses JSON; integers beyond 2^53 stay decimal strings. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function parseLossless(text: string): any {
  return parse(text, null, (s) => (isSafeNumber(s) ? Number(s) : s));
}

export function ozon(baseUrl: string) {
  async function raw(path: string, body: string, headers: Record<string, string> = DEMO): Promise<Reply> {
    const res = await fetch(baseUrl + path, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body });
    const text = await res.text();
    let json: unknown = undefined;
    try {
      json = text ? parseLossless(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  }
  return {
    raw,
    call: (path: string, body: unknown = {}, headers: Record<string, string> = DEMO) => raw(path, JSON.stringify(body), headers),
  };
}

export function control(baseUrl: string) {
  async function req(method: string, path: string, body?: unknown) {
    const res = await fetch(`${baseUrl}/__emulator${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const json: any = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${text}`);
    return json;
  }
  return {
    get: (path: string) => req("GET", path),
    post: (path: string, body: unknown = {}) => req("POST", path, body),
    del: (path: string) => req("DELETE", path),
  };
}

/** Every chat through /v3/chat/list pages. */
export async function listAll(client: ReturnType<typeof ozon>, limit: number, filter?: unknown) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const chats: any[] = [];
  let cursor = "";
  for (let page = 0; page < 1000; page++) {
    const r = await client.call("/v3/chat/list", { limit, cursor, ...(filter ? { filter } : {}) });
    if (r.status !== 200) throw new Error(`list -> ${r.status} ${r.text}`);
    chats.push(...r.json.chats);
    if (!r.json.has_next) return chats;
    cursor = r.json.cursor;
  }
  throw new Error("paging did not end");
}
