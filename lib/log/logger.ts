import pino, { type Logger } from "pino";
import { readLogLevel } from "@/lib/env";
import { requestScope } from "./request-scope";

export type { Logger };

const REDACTED = "[redacted]";

/** Field names whose values are secrets wherever they appear in a logged object (down to four objects deep: an error's cause's request's options). */
const SECRET_FIELDS = [
  "apiKey",
  "api_key",
  "password",
  "newPassword",
  "currentPassword",
  "passwordHash",
  "token",
  "pushToken",
  "secret",
  "encryptionKey",
  "authorization",
  "cookie",
  "AUTH_SECRET",
  "ENCRYPTION_KEY",
  "DATABASE_URL",
];

/** Headers that carry Ozon's credentials or the session, in a logged `headers` object (ours or a request's). */
const SECRET_HEADERS = ["Api-Key", "api-key", "Client-Id", "client-id", "authorization", "Authorization", "cookie", "Cookie", "set-cookie", "Set-Cookie"];

const REDACTED_PATHS: string[] = [
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`, `*.*.*.${field}`, `*.*.*.*.${field}`]),
  ...SECRET_HEADERS.flatMap((header) => [`headers["${header}"]`, `*.headers["${header}"]`, `*.*.headers["${header}"]`]),
];

/**
 * The process's one logger: JSON lines on stdout, written synchronously (no transport: pino's worker-thread
 * transports do not survive Next's server bundles, and a crash must not lose its last lines). Secrets are
 * censored by the paths above, so a caller who logs an object whole cannot leak them; messages themselves are the
 * caller's care (never put a token in one). Inside a route call every line carries its request id.
 */
function createLogger(): Logger {
  return pino(
    {
      level: readLogLevel(),
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => requestScope.getStore() ?? {},
    },
    // process.stdout (not pino.destination) so that tests can read the lines; on Linux its writes to files, pipes
    // and terminals are synchronous.
    process.stdout,
  );
}

// One logger per process, kept on globalThis because Next may load this module twice.
export const logger: Logger = ((globalThis as { __sellerInboxLogger?: Logger }).__sellerInboxLogger ??= createLogger());
