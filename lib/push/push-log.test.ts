import { createRequire } from "node:module";
import { afterEach, describe, expect, it, vi } from "vitest";

// Next's own request logger (`next dev` prints every request with it) and this app's next.config.js.
const require = createRequire(import.meta.url);
const { logRequests } = require("next/dist/server/dev/log-requests.js") as {
  logRequests: (request: unknown, response: unknown, loggingConfig: unknown, start: bigint, end: bigint) => void;
};
const nextConfig = require("../../next.config.js") as { logging?: unknown };

const TOKEN = "Zx9_secret-push-token-0123456789abcdefghijk";

function captureStdout(run: () => void): string {
  let output = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    output += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
    return true;
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return output;
}

function logLine(url: string): string {
  const request = { method: "POST", url, headers: {} };
  return captureStdout(() => logRequests(request, { statusCode: 200 }, nextConfig.logging, 0n, 1_000_000n));
}

afterEach(() => vi.restoreAllMocks());

describe("the server's request log", () => {
  it("never prints a push URL (its path is the token)", () => {
    expect(logLine(`/api/push/${TOKEN}`)).not.toContain(TOKEN);
    expect(logLine(`/api/push/${TOKEN}?x=1`)).toBe("");
  });

  it("still prints other requests (the capture works)", () => {
    expect(logLine("/api/accounts")).toContain("POST /api/accounts 200");
  });
});
