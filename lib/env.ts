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
  OZON_CLIENT_ID: "the seller's Client-Id from Ozon's seller portal",
  OZON_API_KEY: "the seller's Api-Key from Ozon's seller portal",
} as const;

const port = z.coerce.number().int().min(1).max(65535);

/**
 * Every variable the app reads. The process reads them once, here; other modules take the parsed value,
 * never `process.env`.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  OZON_API_URL: z.url({ protocol: /^https?$/ }).default(OZON_PRODUCTION_API_URL),
  OZON_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  PORT: port.default(3000),
  EMULATOR_PORT: port.default(8787),
  // The seller account the app talks to until seller accounts are stored in the database (next issue).
  OZON_CLIENT_ID: z.string().min(1).optional(),
  OZON_API_KEY: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

/** Parses an environment; throws EnvError whose message is one line naming the variable and what it should be. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable (`FOO=`) means "not set", as in most shells' configs.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const name = String(result.error.issues[0]?.path[0]) as keyof typeof EXPECTED;
    const problem = cleaned[name] === undefined ? "is missing" : "is malformed";
    throw new EnvError(`Environment variable ${name} ${problem}: it should be ${EXPECTED[name]}.`);
  }
  const env = result.data;
  if ((env.OZON_CLIENT_ID === undefined) !== (env.OZON_API_KEY === undefined)) {
    throw new EnvError("Environment variables OZON_CLIENT_ID and OZON_API_KEY go together: set both or neither.");
  }
  return env;
}

let cached: Env | undefined;

/** The validated environment of this process (read once). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For entry points: validate at start and stop the process with one clear line when something is wrong. */
export function loadEnvOrExit(): Env {
  try {
    return getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
