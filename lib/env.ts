import "server-only";
import { isIP } from "node:net";
import { z } from "zod";

/** Ozon's production Seller API. The emulator (`npm run emulator`) stands in for it in the demo and the tests. */
export const OZON_PRODUCTION_API_URL = "https://api-seller.ozon.ru";

/** What each variable should be, in the words the one-line start-up error uses. */
const EXPECTED = {
  NODE_ENV: "one of development, production, test",
  DATABASE_URL: "a PostgreSQL URL such as postgresql://postgres@127.0.0.1:5432/seller_inbox (leave it unset for the embedded database)",
  PGLITE_DIR: "a folder for the embedded database, such as .data/pglite",
  OZON_API_URL: "an http(s) URL such as https://api-seller.ozon.ru",
  OZON_TIMEOUT_MS: "a whole number of milliseconds from 100 to 120000",
  PORT: "a port number from 1 to 65535",
  EMULATOR_PORT: "a port number from 1 to 65535",
  AUTH_SECRET: "a random string of at least 32 characters that signs and encrypts sign-in sessions (e.g. `openssl rand -base64 32`)",
  ENCRYPTION_KEY: "32 random bytes as base64 (44 characters) or as 64 hex digits, for encrypting stored Api-Keys (e.g. `openssl rand -base64 32`)",
  NEXTAUTH_URL: "the app's public URL such as https://inbox.example.com (leave it unset to use the address the browser used)",
  OZON_RATE_LIMIT_PER_SECOND: "a number of requests per second per Ozon Client-Id for all the app's instances together, from 1 to 50",
  SYNC_ENABLED: "true or false (whether this instance syncs seller accounts with Ozon in the background)",
  SYNC_INTERVAL_MS: "a whole number of milliseconds from 1000 to 86400000 between two syncs of an account",
  SYNC_LEASE_TTL_MS: "a whole number of milliseconds from 5000 to 3600000 that an instance's claim on an account's sync lasts unless renewed",
  SYNC_MAX_BACKOFF_MS: "a whole number of milliseconds from 1000 to 86400000: the longest wait before retrying an account whose sync fails",
  SYNC_FULL_PASS_INTERVAL_MS: "a whole number of milliseconds (0 = never, else at least 60000) between full re-reads of an account's chat list",
  SYNC_PUSH_MAX_INTERVAL_MS: "a whole number of milliseconds from 1000 to 86400000: the longest pause between two syncs of an account while Ozon pushes its chat events",
  TRUSTED_PROXIES: "a comma-separated list of the reverse proxies' addresses or networks, such as 127.0.0.1,10.0.0.0/8,::1",
  OUTBOX_WORKER_ENABLED: "true or false (whether this instance runs the outbox worker that settles and sends unsent messages)",
  OUTBOX_LEASE_TTL_MS: "a whole number of milliseconds from 1000 to 600000: how long a crashed instance's claim on a message it was sending holds it",
  OUTBOX_POLL_INTERVAL_MS: "a whole number of milliseconds from 100 to 60000 between two looks of the outbox worker for messages to settle",
  OUTBOX_MAX_ATTEMPTS: "a whole number from 1 to 100: sends of one message through Ozon's faults before it is shown failed",
  OUTBOX_MAX_BACKOFF_MS: "a whole number of milliseconds from 100 to 3600000: the longest wait before the outbox worker tries a message again after Ozon's fault",
  LOG_LEVEL: "one of fatal, error, warn, info, debug, trace, silent",
  LIVE_HEARTBEAT_MS: "a whole number of milliseconds from 50 to 600000 between two heartbeats of a live stream",
  LIVE_RIGHTS_EVERY_MS: "a whole number of milliseconds from 50 to 600000 between two re-checks of a live stream's rights",
} as const;

/** Defaults the sync engine also uses when a caller (a test, a script) passes no settings. */
export const DEFAULT_SYNC_INTERVAL_MS = 15_000;
export const DEFAULT_SYNC_LEASE_TTL_MS = 60_000;
export const DEFAULT_SYNC_MAX_BACKOFF_MS = 15 * 60_000;
export const DEFAULT_FULL_PASS_INTERVAL_MS = 3_600_000;
export const DEFAULT_SYNC_PUSH_MAX_INTERVAL_MS = 5 * 60_000;

/** Where the embedded database lives unless PGLITE_DIR says otherwise. */
export const DEFAULT_PGLITE_DIR = ".data/pglite";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const logLevel = z.enum(LOG_LEVELS).default("info");

const port = z.coerce.number().int().min(1).max(65535);

/**
 * Every variable the app reads. The process reads them once, here; other modules take the parsed value,
 * never `process.env`.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).optional(),
  PGLITE_DIR: z.string().min(1).default(DEFAULT_PGLITE_DIR),
  OZON_API_URL: z.url({ protocol: /^https?$/ }).default(OZON_PRODUCTION_API_URL),
  OZON_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  PORT: port.default(3000),
  EMULATOR_PORT: port.default(8787),
  // Required in every mode: a default secret would be a shared secret. The demo script generates one.
  AUTH_SECRET: z.string().min(32),
  ENCRYPTION_KEY: z.string().refine((value) => decodeEncryptionKey(value) !== null),
  // next-auth reads it from process.env itself; listed here so a malformed one stops the start with words.
  NEXTAUTH_URL: z.url({ protocol: /^https?$/ }).optional(),
  // Ozon allows 50 requests/s per Client-Id; 40 leaves room. The budget is shared by every app instance through
  // PostgreSQL (lib/accounts/get-account-limiter.ts).
  OZON_RATE_LIMIT_PER_SECOND: z.coerce.number().min(1).max(50).default(40),
  // Background sync (lib/sync). Every instance may sync; a lease in sync_states keeps it to one per account.
  SYNC_ENABLED: z
    .enum(["true", "false", "1", "0", "yes", "no"])
    .transform((value) => value === "true" || value === "1" || value === "yes")
    .default(true),
  SYNC_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(DEFAULT_SYNC_INTERVAL_MS),
  SYNC_LEASE_TTL_MS: z.coerce.number().int().min(5000).max(3_600_000).default(DEFAULT_SYNC_LEASE_TTL_MS),
  SYNC_MAX_BACKOFF_MS: z.coerce.number().int().min(1000).max(86_400_000).default(DEFAULT_SYNC_MAX_BACKOFF_MS),
  // A full pass catches what the cheap poll cannot see: a chat closed or reopened without a message.
  SYNC_FULL_PASS_INTERVAL_MS: z.coerce
    .number()
    .int()
    .refine((ms) => ms === 0 || (ms >= 60_000 && ms <= 604_800_000))
    .default(DEFAULT_FULL_PASS_INTERVAL_MS),
  // While Ozon pushes chat events the poll is only a safety net: its pause doubles up to this (lib/sync/next-poll-interval.ts).
  SYNC_PUSH_MAX_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(DEFAULT_SYNC_PUSH_MAX_INTERVAL_MS),
  // Proxies whose X-Forwarded-For is believed (lib/net/resolve-client-address.ts); unset: the socket's address only.
  TRUSTED_PROXIES: z
    .string()
    .transform((value) => value.split(",").map((entry) => entry.trim()).filter((entry) => entry !== ""))
    .refine((entries) => entries.every((entry) => isAddressOrNetwork(entry)))
    .default([]),
  // The outbox worker (lib/chats/start-outbox-worker.ts). A message a crashed instance was sending is taken over
  // once its lease runs out: within OUTBOX_LEASE_TTL_MS + OUTBOX_POLL_INTERVAL_MS of the crash (16 s by default).
  OUTBOX_WORKER_ENABLED: z
    .enum(["true", "false", "1", "0", "yes", "no"])
    .transform((value) => value === "true" || value === "1" || value === "yes")
    .default(true),
  OUTBOX_LEASE_TTL_MS: z.coerce.number().int().min(1000).max(600_000).default(15_000),
  OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  OUTBOX_MAX_BACKOFF_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  // Logs are JSON lines on stdout (lib/log/logger.ts); tests run at warn so that they stay quiet.
  LOG_LEVEL: logLevel,
  // Live streams (lib/live/open-live-stream.ts) use their own defaults; tests shorten them.
  LIVE_HEARTBEAT_MS: z.coerce.number().int().min(50).max(600_000).optional(),
  LIVE_RIGHTS_EVERY_MS: z.coerce.number().int().min(50).max(600_000).optional(),
});

/** What opening the database needs: a migration or a script runs without the app's secrets. */
const databaseEnvSchema = envSchema.pick({ DATABASE_URL: true, PGLITE_DIR: true });

/** "192.0.2.7", "10.0.0.0/8", "2001:db8::/32": what TRUSTED_PROXIES lists. */
function isAddressOrNetwork(entry: string): boolean {
  const [address, bits, extra] = entry.split("/");
  const family = isIP(address ?? "");
  if (family === 0 || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/** ENCRYPTION_KEY's 32 bytes, from 64 hex digits or base64 (standard or url-safe); null when it is not that. */
export function decodeEncryptionKey(value: string): Uint8Array | null {
  const trimmed = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return new Uint8Array(Buffer.from(trimmed, "hex"));
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return null;
  const bytes = Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return bytes.length === 32 ? new Uint8Array(bytes) : null;
}

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

/** Parses an environment; throws EnvError whose message is one line naming the variable and what it should be. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseWith(envSchema, source);
}

function parseWith<Schema extends z.ZodObject>(schema: Schema, source: Record<string, string | undefined>): z.infer<Schema> {
  // An empty variable (`FOO=`) means "not set", as in most shells' configs.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const name = String(result.error.issues[0]?.path[0]) as keyof typeof EXPECTED;
    const problem = cleaned[name] === undefined ? "is missing" : "is malformed";
    throw new EnvError(`Environment variable ${name} ${problem}: it should be ${EXPECTED[name]}.`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process (read once). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The database settings alone (no secrets needed): for opening the database in the app, a script or a test. */
export function getDatabaseEnv(): z.infer<typeof databaseEnvSchema> {
  return parseWith(databaseEnvSchema, process.env);
}

/**
 * The log level, read apart from the rest so that the logger exists before (and without) a valid environment; a
 * malformed LOG_LEVEL is refused with the others by getEnv() at start and means the default until then.
 */
export function readLogLevel(source: Record<string, string | undefined> = process.env): LogLevel {
  const parsed = logLevel.safeParse(source.LOG_LEVEL?.trim() || undefined);
  return parsed.success ? parsed.data : "info";
}

/** Tests: forget the parsed environment, so that the next getEnv() reads process.env again (e.g. an emulator's URL). */
export function resetEnvCache(): void {
  cached = undefined;
}

/** For entry points: validate at start and stop the process with one clear line when something is wrong. */
export function loadEnvOrExit(): Env {
  try {
    return getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      // A person starting the app reads this one line; it is not a log record (the logger's level is configuration too).
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
