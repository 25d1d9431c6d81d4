/**
 * HTTP front of the emulator: routing, Ozon's auth headers, the premium gate, the rate limiter, injected faults
 * and latency, and lossless JSON in and out. Control requests (/__emulator/...) go to control.ts and are
 * neither rate limited nor counted.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { handleControl } from "./control";
import { FAKE_CDN_PATH, renderFakeCdnImage } from "./fake-cdn";
import type { Emulator } from "./core";
import { ApiError, badRequest, forbidden, grpcCodeForHttp, MSG } from "./errors";
import { MSG_FEEDBACK } from "./feedback";
import { bodyObject, parseJsonLossless, toJson, type Json } from "./input";
import { ROUTES } from "./routes";

/** Big enough for a 10 MiB file as base64 plus the JSON around it. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const DEFAULT_TIMEOUT_AFTER_APPLY_MS = 60_000;

export interface ReadBody {
  text: string;
  tooLarge: boolean;
}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve({ text: tooLarge ? "" : Buffer.concat(chunks).toString("utf8"), tooLarge }));
    req.on("error", reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, rewrite?: (text: string) => string): void {
  const json = toJson(body);
  const text = rewrite ? rewrite(json) : json;
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sendError(res: ServerResponse, err: ApiError): void {
  sendJson(res, err.httpStatus, err.body(), err.headers);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s.trim() === "" ? undefined : s.trim();
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface EmulatorHttpServer {
  server: Server;
  /** Stops held (timed-out) responses and open sockets so close() finishes at once. */
  destroyAll(): void;
}

export function createEmulatorServer(emulator: Emulator): EmulatorHttpServer {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  /** Holds the socket without answering, then destroys it: the client sees a timeout or a reset. */
  function holdAndDestroy(req: IncomingMessage, ms: number): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      req.socket.destroy();
    }, ms);
    timers.add(timer);
  }

  async function handleOzon(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const clientId = header(req, "client-id");
    const apiKey = header(req, "api-key");
    emulator.countCall(path, clientId);
    const raw = await readBody(req);
    const route = ROUTES[path];

    const fault = emulator.faults.take(path, clientId, emulator.chaosRng);
    if (fault?.mode === "drop") {
      // Dropped before anything is applied: the client gets a connection reset.
      req.socket.destroy();
      return;
    }
    const { ms, jitterMs } = emulator.latency;
    if (ms > 0 || jitterMs > 0) await sleep(ms + Math.floor(emulator.chaosRng.next() * jitterMs));
    if (fault && fault.delay_ms && fault.mode !== "timeout_after_apply") await sleep(fault.delay_ms);
    if (fault?.mode === "error") {
      const status = fault.status;
      const message = status === 500 ? MSG.internal : status === 429 ? MSG.rateLimited : `Injected error ${status}`;
      const headers: Record<string, string> = status === 429 ? { "Retry-After": String(fault.retry_after_seconds) } : {};
      return sendError(res, new ApiError(status, grpcCodeForHttp(status), message, headers));
    }
    if (fault?.mode === "rate_limit") {
      return sendError(res, new ApiError(429, 8, MSG.rateLimited, { "Retry-After": String(fault.retry_after_seconds) }));
    }

    let result: { status: number; body: unknown; headers?: Record<string, string> };
    try {
      if (!route || req.method !== "POST") throw new ApiError(404, 5, MSG.pathNotFound);
      if (!clientId || !apiKey) throw new ApiError(401, 16, MSG.headersRequired);
      const wait = emulator.rateLimiter.check(clientId);
      if (wait !== null) throw new ApiError(429, 8, MSG.rateLimited, { "Retry-After": String(wait) });
      const seller = emulator.seller(clientId);
      if (!seller || seller.apiKey !== apiKey) throw new ApiError(404, 5, MSG.invalidApiKey);
      // Plain Premium passes here: it may list every chat and use support and system chats, not buyer chats
      // (findChat and chat/start refuse those) [FR live test, ../shared/ozon-chat-api.md §5].
      if (route.premium && seller.subscription !== "PREMIUM_PLUS" && seller.subscription !== "PREMIUM_PRO" && seller.subscription !== "PREMIUM") {
        throw forbidden(MSG.premiumRequired);
      }
      if (route.reviews && seller.subscription !== "PREMIUM_PRO" && !seller.feedback.reviewManagement) {
        throw forbidden(MSG_FEEDBACK.reviewsRequired);
      }
      if (raw.tooLarge) throw badRequest("request body is too large");
      let parsed: Json;
      try {
        parsed = raw.text.trim() === "" ? undefined : parseJsonLossless(raw.text);
      } catch {
        throw badRequest(MSG.invalidJson);
      }
      const body = route.handle({ emulator, seller, body: bodyObject(parsed), now: emulator.now() });
      if (route.mutates) emulator.changed();
      result = { status: 200, body };
    } catch (err) {
      if (err instanceof ApiError) result = { status: err.httpStatus, body: err.body(), headers: err.headers };
      else {
        console.error("[ozon-emulator] internal error:", err);
        result = { status: 500, body: new ApiError(500, 13, MSG.internal).body() };
      }
    }

    if (fault?.mode === "timeout_after_apply") {
      // The request WAS applied (e.g. the message is stored); the answer never comes: the ambiguous case.
      holdAndDestroy(req, fault.delay_ms ?? DEFAULT_TIMEOUT_AFTER_APPLY_MS);
      return;
    }
    // Ozon's answers carry its clock in the Date header; the emulator's follows its own clock (moved by
    // /__emulator/clock/advance), so a client that measures Ozon's windows on Ozon's clock sees the move.
    sendJson(res, result.status, result.body, { Date: new Date(emulator.now()).toUTCString(), ...result.headers }, emulator.publicText);
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path.startsWith(FAKE_CDN_PATH) && req.method === "GET") {
      const svg = renderFakeCdnImage(path.slice(FAKE_CDN_PATH.length));
      res.writeHead(200, { "Content-Type": "image/svg+xml", "Content-Length": Buffer.byteLength(svg), "Cache-Control": "public, max-age=86400" });
      res.end(svg);
      return;
    }
    const handling = path === "/__emulator" || path.startsWith("/__emulator/") ? handleControl(emulator, req, res, path) : handleOzon(req, res, path);
    handling.catch((err: unknown) => {
      console.error("[ozon-emulator] request failed:", err);
      if (!res.headersSent) sendJson(res, 500, new ApiError(500, 13, MSG.internal).body());
      else res.destroy();
    });
  });
  // Longer than a client's keep-alive reuse: with Node's 5 s default the server may close an idle socket just as a
  // busy client (its event loop held up) sends on it, which the client sees as ECONNRESET. close() destroys them all.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  return {
    server,
    destroyAll() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
  };
}
