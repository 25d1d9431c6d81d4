import { describe, expect, it } from "vitest";
import { EnvError, OZON_PRODUCTION_API_URL, parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to the embedded database, Ozon's real API and port 3000", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe(".data/pglite");
    expect(env.OZON_API_URL).toBe(OZON_PRODUCTION_API_URL);
    expect(env.PORT).toBe(3000);
    expect(env.EMULATOR_PORT).toBe(8787);
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it.each([
    [{ PORT: "abc" }, "Environment variable PORT is malformed: it should be a port number from 1 to 65535."],
    [{ EMULATOR_PORT: "70000" }, "Environment variable EMULATOR_PORT is malformed: it should be a port number from 1 to 65535."],
    [{ OZON_API_URL: "ftp://example.com" }, "Environment variable OZON_API_URL is malformed: it should be an http(s) URL such as https://api-seller.ozon.ru."],
    [{ DATABASE_URL: "mysql://localhost/db" }, "Environment variable DATABASE_URL is malformed"],
    [{ OZON_CLIENT_ID: "123" }, "OZON_CLIENT_ID and OZON_API_KEY go together"],
  ])("refuses %j with one line naming the variable", (source, message) => {
    let thrown: unknown;
    try {
      parseEnv(source);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EnvError);
    expect((thrown as Error).message).toContain(message);
    expect((thrown as Error).message).not.toContain("\n");
  });

  it("never echoes a secret value into its error", () => {
    expect(() => parseEnv({ OZON_API_KEY: "secret-key-value" })).toThrow(/^(?!.*secret-key-value)/);
  });
});
