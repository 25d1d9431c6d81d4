import { describe, expect, it } from "vitest";
import { logger } from "./logger";
import { requestScope } from "./request-scope";
import { captureLogLines } from "./testing";

const API_KEY = "7f3c9e1a-secret-api-key-0000";
const PUSH_TOKEN = "Zx9_secret-push-token-0123456789abcdefghijk";

describe("logger", () => {
  it("writes one JSON line per call, with its level as a word", async () => {
    const lines = await captureLogLines(() => logger.warn({ accountId: "a1" }, "sync: Ozon is slow"));
    expect(lines).toEqual([expect.objectContaining({ level: "warn", msg: "sync: Ozon is slow", accountId: "a1" })]);
  });

  it("censors secrets in a logged object, at the top level, deeper down and in headers", async () => {
    const lines = await captureLogLines(() =>
      logger.error(
        {
          apiKey: API_KEY,
          account: { clientId: "123", apiKey: API_KEY, password: "hunter2-long-password" },
          token: PUSH_TOKEN,
          // An error with its request, as an HTTP library would attach it.
          err: { request: { options: { apiKey: API_KEY }, headers: { "Api-Key": API_KEY } }, cause: { config: { auth: { password: "hunter2-deep" } } } },
          headers: { "Client-Id": "123", "Api-Key": API_KEY, cookie: `next-auth.session-token=${PUSH_TOKEN}`, authorization: `Bearer ${PUSH_TOKEN}` },
        },
        "Ozon refused the key",
      ),
    );
    const text = JSON.stringify(lines);
    expect(lines).toHaveLength(1);
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(PUSH_TOKEN);
    expect(text).not.toContain("hunter2");
    expect(lines[0]).toMatchObject({ apiKey: "[redacted]", account: { clientId: "123", apiKey: "[redacted]" }, headers: { "Api-Key": "[redacted]", "Client-Id": "[redacted]" } });
  });

  it("puts the request id on every line written inside a route call, and none outside", async () => {
    const lines = await captureLogLines(async () => {
      await requestScope.run({ requestId: "req-1" }, async () => {
        await Promise.resolve();
        logger.child({ module: "live" }).warn("inside");
      });
      logger.warn("outside");
    });
    expect(lines.map((line) => [line.msg, line.requestId])).toEqual([
      ["inside", "req-1"],
      ["outside", undefined],
    ]);
  });

  it("drops lines below the level", async () => {
    const lines = await captureLogLines(() => {
      logger.info("too chatty");
      logger.warn("kept");
    }, "warn");
    expect(lines.map((line) => line.msg)).toEqual(["kept"]);
  });
});
