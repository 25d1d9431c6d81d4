import { describe, expect, it } from "vitest";
import { logger } from "@/lib/log/logger";
import { captureLogLines } from "@/lib/log/testing";
import { CLIENT_GONE_STATUS, handleRoute } from "./handle-route";

function abortedError(): Error {
  return Object.assign(new Error("aborted"), { code: "ECONNRESET" });
}

describe("handleRoute", () => {
  it("logs one calm line, no stack, when the browser went away mid-request", async () => {
    const controller = new AbortController();
    const request = new Request("http://app.test/api/accounts/a/chats/c/messages", { method: "POST", signal: controller.signal });
    const route = handleRoute(async () => {
      controller.abort();
      throw abortedError();
    });
    let response: Response | undefined;
    const lines = await captureLogLines(async () => {
      response = await route(request, {});
    });
    expect(response?.status).toBe(CLIENT_GONE_STATUS);
    expect(lines).toEqual([expect.objectContaining({ level: "warn", msg: "POST /api/accounts/a/chats/c/messages: the client went away before the answer." })]);
    expect(lines[0]).not.toHaveProperty("err");
    expect(lines[0]?.requestId).toBe(response?.headers.get("x-request-id"));
  });

  it("recognises Node's 'aborted' body error even before the signal fires", async () => {
    let response: Response | undefined;
    const lines = await captureLogLines(async () => {
      response = await handleRoute(async () => {
        throw abortedError();
      })(new Request("http://app.test/api/x"), {});
    });
    expect(response?.status).toBe(CLIENT_GONE_STATUS);
    expect(lines).toHaveLength(1);
  });

  it("still answers and logs a real failure as an internal error", async () => {
    let response: Response | undefined;
    const lines = await captureLogLines(async () => {
      response = await handleRoute(async () => {
        throw new Error("database is on fire");
      })(new Request("http://app.test/api/x", { headers: { "x-request-id": "lb-7f3a" } }), {});
    });
    expect(response?.status).toBe(500);
    expect(response?.headers.get("x-request-id")).toBe("lb-7f3a");
    expect(lines).toEqual([expect.objectContaining({ level: "error", requestId: "lb-7f3a", err: expect.objectContaining({ message: "database is on fire" }) })]);
  });

  it("answers every call with a request id: the caller's when sane, else a new one for each call", async () => {
    const route = handleRoute(async () => {
      logger.warn("handler ran");
      return { ok: true };
    });
    const ids: (string | null)[] = [];
    const lines = await captureLogLines(async () => {
      for (const header of [undefined, undefined, "bad id with spaces\"}", "x".repeat(200), "proxy-42"]) {
        const response = await route(new Request("http://app.test/api/x", { headers: header === undefined ? {} : { "x-request-id": header } }), {});
        expect(response.status).toBe(200);
        ids.push(response.headers.get("x-request-id"));
      }
    });
    expect(ids[4]).toBe("proxy-42");
    for (const id of ids.slice(0, 4)) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(5);
    expect(lines.map((line) => line.requestId)).toEqual(ids);
  });

  it("adds the request id to a Response whose headers cannot be changed", async () => {
    const response = await handleRoute(async () => Response.redirect("http://app.test/elsewhere", 303))(new Request("http://app.test/api/x"), {});
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("http://app.test/elsewhere");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
