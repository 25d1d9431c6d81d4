import { describe, expect, it } from "vitest";
import { decodeEncryptionKey, EnvError, OZON_PRODUCTION_API_URL, parseEnv, readLogLevel } from "./env";

// The secrets have no default: every other test starts from these.
const SECRETS = { AUTH_SECRET: "a".repeat(32), ENCRYPTION_KEY: "00".repeat(32) };

describe("parseEnv", () => {
  it("defaults to the embedded database, Ozon's real API and port 3000", () => {
    const env = parseEnv({ ...SECRETS });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe(".data/pglite");
    expect(env.OZON_API_URL).toBe(OZON_PRODUCTION_API_URL);
    expect(env.PORT).toBe(3000);
    expect(env.EMULATOR_PORT).toBe(8787);
    expect(env.OZON_RATE_LIMIT_PER_SECOND).toBe(40);
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ ...SECRETS, DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it.each([
    [{ PORT: "abc" }, "Environment variable PORT is malformed: it should be a port number from 1 to 65535."],
    [{ EMULATOR_PORT: "70000" }, "Environment variable EMULATOR_PORT is malformed: it should be a port number from 1 to 65535."],
    [{ OZON_API_URL: "ftp://example.com" }, "Environment variable OZON_API_URL is malformed: it should be an http(s) URL such as https://api-seller.ozon.ru."],
    [{ DATABASE_URL: "mysql://localhost/db" }, "Environment variable DATABASE_URL is malformed"],
    [{ AUTH_SECRET: undefined }, "Environment variable AUTH_SECRET is missing"],
    [{ AUTH_SECRET: "too-short" }, "Environment variable AUTH_SECRET is malformed: it should be a random string of at least 32"],
    [{ ENCRYPTION_KEY: undefined }, "Environment variable ENCRYPTION_KEY is missing"],
    [{ ENCRYPTION_KEY: "c2hvcnQ=" }, "Environment variable ENCRYPTION_KEY is malformed: it should be 32 random bytes"],
    [{ ENCRYPTION_KEY: "zz".repeat(32) }, "Environment variable ENCRYPTION_KEY is malformed"],
    [{ OZON_RATE_LIMIT_PER_SECOND: "60" }, "Environment variable OZON_RATE_LIMIT_PER_SECOND is malformed"],
    [{ LOG_LEVEL: "verbose" }, "Environment variable LOG_LEVEL is malformed: it should be one of fatal, error, warn"],
    [{ LIVE_HEARTBEAT_MS: "10" }, "Environment variable LIVE_HEARTBEAT_MS is malformed"],
  ])("refuses %j with one line naming the variable", (source, message) => {
    let thrown: unknown;
    try {
      parseEnv({ ...SECRETS, ...source });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EnvError);
    expect((thrown as Error).message).toContain(message);
    expect((thrown as Error).message).not.toContain("\n");
  });

  it("never echoes a secret value into its error", () => {
    expect(() => parseEnv({ ...SECRETS, AUTH_SECRET: "short-secret-key-value" })).toThrow(/^(?!.*short-secret-key-value)/);
    expect(() => parseEnv({ ...SECRETS, AUTH_SECRET: "short-secret-value" })).toThrow(/^(?!.*short-secret-value)/);
  });

  it("accepts the encryption key as hex or base64 (standard or url-safe)", () => {
    const bytes = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7 + 250));
    for (const encoded of [bytes.toString("hex"), bytes.toString("base64"), bytes.toString("base64url")]) {
      expect(Buffer.from(decodeEncryptionKey(encoded)!)).toEqual(bytes);
      expect(() => parseEnv({ ...SECRETS, ENCRYPTION_KEY: encoded })).not.toThrow();
    }
  });

  it("logs at info unless LOG_LEVEL says otherwise; the logger's own read falls back to info on a bad value", () => {
    expect(parseEnv({ ...SECRETS }).LOG_LEVEL).toBe("info");
    expect(parseEnv({ ...SECRETS, LOG_LEVEL: "debug" }).LOG_LEVEL).toBe("debug");
    expect(readLogLevel({})).toBe("info");
    expect(readLogLevel({ LOG_LEVEL: "silent" })).toBe("silent");
    expect(readLogLevel({ LOG_LEVEL: "verbose" })).toBe("info");
  });
});
