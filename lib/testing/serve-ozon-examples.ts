/**
 * For the contract tests (lib/ozon/contract-*.test.ts): a real HTTP server that answers each path with Ozon's own
 * example body, and records what the client sent, so the client is checked against Ozon's documents over the wire.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect } from "vitest";
import { isOzonApiError, type OzonApiError, type OzonConnection } from "@/lib/ozon";

export type OzonExamples = {
  /** What the client sent, in order: the path and the raw body. */
  received: { path: string; body: string }[];
  connection(): OzonConnection;
};

/** Serves `bodies` (path → Ozon's example answer; any other path: `{}`) for the enclosing describe block. */
export function serveOzonExamples(bodies: Record<string, string>): OzonExamples {
  let server: Server;
  let url = "";
  const received: OzonExamples["received"] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push({ path: req.url ?? "", body });
        res.writeHead(200, { "content-type": "application/json" }).end(bodies[req.url ?? ""] ?? "{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { received, connection: () => ({ baseUrl: url, clientId: "1", apiKey: "k" }) };
}

/** Every key path of a JSON value with its JSON type (arrays: the paths of their first element). */
export function jsonShape(value: unknown, path = "$", out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    out.set(path, "array");
    if (value.length > 0) jsonShape(value[0], `${path}[]`, out);
  } else if (value !== null && typeof value === "object") {
    out.set(path, "object");
    for (const [k, v] of Object.entries(value)) jsonShape(v, `${path}.${k}`, out);
  } else out.set(path, typeof value);
  return out;
}

/** `actual` has every key path of Ozon's example with the same JSON type (but the paths in `except`). */
export function expectShapeOf(example: string, actual: unknown, except: readonly string[] = []): void {
  const got = jsonShape(actual);
  for (const [path, type] of jsonShape(JSON.parse(example))) {
    if (!except.includes(path)) expect([path, got.get(path)]).toEqual([path, type]);
  }
}

/** The OzonApiError a call fails with (the test fails if it succeeds or fails otherwise). */
export async function ozonErrorOf(call: Promise<unknown>): Promise<OzonApiError> {
  const error = await call.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!isOzonApiError(error)) throw new Error(`expected an OzonApiError, got ${String(error)}`);
  return error;
}
