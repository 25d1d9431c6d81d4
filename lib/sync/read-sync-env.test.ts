import { describe, expect, it } from "vitest";

import { parseEnv } from "@/lib/env";

const REQUIRED = { AUTH_SECRET: "a".repeat(32), ENCRYPTION_KEY: "00".repeat(32) };

describe("SYNC_* environment", () => {
  it("defaults: enabled, every 15 s, a 60 s lease, backoff up to 15 min, a full pass hourly", () => {
    expect(parseEnv(REQUIRED)).toMatchObject({
      SYNC_ENABLED: true,
      SYNC_INTERVAL_MS: 15_000,
      SYNC_LEASE_TTL_MS: 60_000,
      SYNC_MAX_BACKOFF_MS: 900_000,
      SYNC_FULL_PASS_INTERVAL_MS: 3_600_000,
    });
  });

  it("reads the values given", () => {
    const env = parseEnv({ ...REQUIRED, SYNC_ENABLED: "false", SYNC_INTERVAL_MS: "5000", SYNC_FULL_PASS_INTERVAL_MS: "0" });
    expect(env).toMatchObject({ SYNC_ENABLED: false, SYNC_INTERVAL_MS: 5000, SYNC_FULL_PASS_INTERVAL_MS: 0 });
  });

  it.each([
    [{ SYNC_ENABLED: "maybe" }, "Environment variable SYNC_ENABLED is malformed: it should be true or false"],
    [{ SYNC_INTERVAL_MS: "10" }, "Environment variable SYNC_INTERVAL_MS is malformed"],
    [{ SYNC_LEASE_TTL_MS: "soon" }, "Environment variable SYNC_LEASE_TTL_MS is malformed"],
    [{ SYNC_FULL_PASS_INTERVAL_MS: "1000" }, "Environment variable SYNC_FULL_PASS_INTERVAL_MS is malformed"],
  ])("refuses %j with one line naming the variable", (source, message) => {
    expect(() => parseEnv({ ...REQUIRED, ...source })).toThrow(message);
  });
});
