/**
 * Shared transport for every Ozon Seller API call: POST + JSON, auth headers, a timeout on every
 * attempt, lossless JSON parsing, zod validation of the answer, error mapping, and retries for
 * idempotent calls (reads and mark-read) only.
 */
import { parse as parseLosslessJson, stringify as stringifyLosslessJson } from "lossless-json";
import type { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { classifyOzonError, OzonApiError } from "./errors";
import { recordServerDate } from "./server-clock";
import { makeJsonStorable } from "@/lib/text/make-json-storable";

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_ATTEMPTS = 4;
const DEFAULT_BASE_DELAY_MS = 300;
const DEFAULT_MAX_DELAY_MS = 8_000;
const DEFAULT_MAX_RETRY_AFTER_MS = 30_000;

// ---------------------------------------------------------------------------------------------
// Lossless JSON

/**
 * Number tokens: integers outside the safe range stay as their decimal text (a string), so an id like
 * 3000000000817031942 never passes through a JS number; everything else becomes a number.
 */
function parseNumberToken(token: string): number | string {
  if (/^-?\d+$/.test(token)) {
    const n = Number(token);
    return Number.isSafeInteger(n) ? n : token;
  }
  return Number(token);
}

/**
 * JSON.parse, except big integers come back as decimal strings (see parseNumberToken), and every string is made
 * storable (NUL and lone surrogates become U+FFFD: PostgreSQL refuses them, and Ozon does send them in buyers'
 * texts), so whatever Ozon answers or pushes can be stored and compared. Throws SyntaxError.
 */
export function parseJsonLossless(text: string): unknown {
  return makeJsonStorable(parseLosslessJson(text, null, parseNumberToken));
}

// ---------------------------------------------------------------------------------------------
// Secret hygiene

/** Replaces every occurrence of each secret (raw and URL-encoded) by "[redacted]". */
function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (!s) continue;
    for (const form of new Set([s, encodeURIComponent(s)])) out = out.split(form).join("[redacted]");
  }
  return out;
}

/**
 * A copy of a thrown value that is safe to attach as `cause`: only name, redacted message and code,
 * recursively (depth-limited). The original object (which may hold the request, its headers, a
 * stack mentioning them) is dropped.
 */
function sanitizeCause(e: unknown, secrets: readonly string[], depth = 0): Error | undefined {
  if (e === undefined || e === null || depth > 3) return undefined;
  const src = e as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
  const message = redact(typeof src.message === "string" ? src.message : String(e), secrets);
  const inner = typeof e === "object" ? sanitizeCause(src.cause, secrets, depth + 1) : undefined;
  const copy = new Error(message, inner ? { cause: inner } : undefined);
  copy.name = redact(typeof src.name === "string" ? src.name : "Error", secrets);
  if (typeof src.code === "string" || typeof src.code === "number") {
    (copy as Error & { code?: string | number }).code =
      typeof src.code === "string" ? redact(src.code, secrets) : src.code;
  }
  // The stack of the copy names only this module and the redacted message.
  copy.stack = `${copy.name}: ${message}`;
  return copy;
}

// ---------------------------------------------------------------------------------------------
// Request validation (before the wire)

/** Validates a wire request body against its schema; a failure is an `invalid_input` OzonApiError, no network. */
export function parseRequest<S extends z.ZodType>(schema: S, body: unknown, path: string): z.output<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const details = r.error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
  throw new OzonApiError({
    kind: "invalid_input",
    status: 0,
    path,
    attempts: 0,
    message: `Invalid request for Ozon ${path}: ${details}.`,
  });
}

// ---------------------------------------------------------------------------------------------
// The call

export type OzonRequestSpec<S extends z.ZodType> = {
  path: string;
  body: unknown;
  schema: S;
  /**
   * Reads and mark-read are idempotent and retried on 429/5xx/network/timeout. Send message, send
   * file and start chat are not: one attempt only, and an ambiguous failure carries outcomeUnknown.
   */
  idempotent: boolean;
};

export async function ozonRequest<S extends z.ZodType>(
  conn: OzonConnection,
  spec: OzonRequestSpec<S>,
  opts: OzonCallOptions = {},
): Promise<z.output<S>> {
  const maxAttempts = spec.idempotent ? Math.max(1, Math.floor(conn.retry?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce(conn, spec, attempt, opts);
    } catch (e) {
      if (!(e instanceof OzonApiError)) throw e; // programming error; attemptOnce wraps everything else
      if (!spec.idempotent || !e.retryable || attempt >= maxAttempts || opts.signal?.aborted) throw e;
      const delayMs = retryDelayMs(conn, attempt, e);
      if (delayMs === null) throw e;
      try {
        conn.onRetry?.({ path: spec.path, attempt, delayMs, error: e });
      } catch {
        // a logging hook must not break the call
      }
      await sleep(delayMs, opts.signal);
      if (opts.signal?.aborted) throw e;
    }
  }
}

/** Full-jitter exponential backoff; a 429's Retry-After is a floor. null = do not retry. */
function retryDelayMs(conn: OzonConnection, attempt: number, e: OzonApiError): number | null {
  const r = conn.retry ?? {};
  const base = r.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const cap = r.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const random = r.random ?? Math.random;
  const jittered = Math.floor(random() * Math.min(cap, base * 2 ** (attempt - 1)));
  if (e.retryAfterMs != null) {
    if (e.retryAfterMs > (r.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS)) return null;
    return Math.max(e.retryAfterMs, jittered);
  }
  return jittered;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Parses Retry-After: delta-seconds or an HTTP date. */
export function parseRetryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  return Math.max(0, t - now);
}

async function attemptOnce<S extends z.ZodType>(
  conn: OzonConnection,
  spec: OzonRequestSpec<S>,
  attempt: number,
  opts: OzonCallOptions,
): Promise<z.output<S>> {
  const secrets = [conn.apiKey];
  const { path } = spec;
  const outcomeUnknownOnFailure = !spec.idempotent;
  const base = { path, attempts: attempt };

  await conn.limiter?.acquire();

  const fetchImpl = conn.fetch ?? globalThis.fetch;
  const timeoutMs = conn.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = () => controller.abort();
  opts.signal?.addEventListener("abort", onCallerAbort, { once: true });

  let status: number;
  let headers: Headers;
  let text: string;
  try {
    if (opts.signal?.aborted) controller.abort();
    const res = await fetchImpl(conn.baseUrl.replace(/\/+$/, "") + path, {
      method: "POST",
      headers: {
        "Client-Id": conn.clientId,
        "Api-Key": conn.apiKey,
        "Content-Type": "application/json",
        Accept: "application/json",
      },
      // Like JSON.stringify, except a bigint (a 64-bit id) is written as a bare integer with every digit.
      body: stringifyLosslessJson(spec.body ?? {}) ?? "{}",
      signal: controller.signal,
    });
    status = res.status;
    headers = res.headers;
    recordServerDate(conn.baseUrl, headers.get("date"));
    text = await res.text();
  } catch (e) {
    const cause = sanitizeCause(e, secrets);
    if (timedOut) {
      throw new OzonApiError({
        ...base,
        kind: "timeout",
        status: 0,
        outcomeUnknown: outcomeUnknownOnFailure,
        message: `Ozon did not answer ${path} within ${Math.round(timeoutMs / 100) / 10} s.${
          outcomeUnknownOnFailure
            ? " The outcome is unknown: Ozon may or may not have applied it. Check the chat before sending again."
            : ""
        }`,
        cause,
      });
    }
    if (opts.signal?.aborted) {
      throw new OzonApiError({
        ...base,
        kind: "timeout",
        status: 0,
        outcomeUnknown: outcomeUnknownOnFailure,
        message: `The call to Ozon ${path} was cancelled.${
          outcomeUnknownOnFailure ? " The outcome is unknown: Ozon may or may not have applied it." : ""
        }`,
        cause,
      });
    }
    throw new OzonApiError({
      ...base,
      kind: "network",
      status: 0,
      outcomeUnknown: outcomeUnknownOnFailure,
      message: `Could not reach Ozon for ${path} (network error: ${cause?.message ?? "unknown"}).${
        outcomeUnknownOnFailure
          ? " The outcome is unknown: Ozon may or may not have applied it. Check the chat before sending again."
          : ""
      }`,
      cause,
    });
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener("abort", onCallerAbort);
  }

  let body: unknown = undefined;
  let jsonOk = false;
  if (text.trim() !== "") {
    try {
      body = parseJsonLossless(text);
      jsonOk = true;
    } catch {
      jsonOk = false;
    }
  }

  if (status < 200 || status > 299) {
    const obj = jsonOk && body !== null && typeof body === "object" ? (body as Record<string, unknown>) : {};
    const ozonCode = typeof obj.code === "number" ? obj.code : null;
    const ozonMessage = typeof obj.message === "string" && obj.message !== "" ? redact(obj.message, secrets) : null;
    const kind = classifyOzonError(status, ozonMessage, path);
    const retryAfterMs =
      kind === "rate_limited" || status === 503
        ? (parseRetryAfterMs(headers.get("retry-after")) ?? (kind === "rate_limited" ? 1000 : null))
        : null;
    throw new OzonApiError({
      ...base,
      kind,
      status,
      ozonCode,
      ozonMessage,
      retryAfterMs,
      // [inf] a 5xx from Ozon's gateway may come after the backend applied a send: treat as unknown.
      outcomeUnknown: outcomeUnknownOnFailure && kind === "server_error",
    });
  }

  if (!jsonOk) {
    throw new OzonApiError({
      ...base,
      kind: "unknown",
      status,
      outcomeUnknown: outcomeUnknownOnFailure,
      message: `Ozon answered ${path} with HTTP ${status} but the body is not JSON.`,
    });
  }
  const parsed = spec.schema.safeParse(body);
  if (!parsed.success) {
    const details = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
      .join("; ");
    throw new OzonApiError({
      ...base,
      kind: "unknown",
      status,
      outcomeUnknown: outcomeUnknownOnFailure,
      message: `Ozon's answer to ${path} does not have the expected shape (${redact(details, secrets)}).`,
    });
  }
  return parsed.data;
}
