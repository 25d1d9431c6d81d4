import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { OzonApiError } from "@/lib/ozon/errors";
import { ApiError } from "./api-error";
import { errorResponse } from "./error-response";

async function answer(error: unknown) {
  const response = errorResponse(error);
  return { status: response.status, headers: response.headers, body: (await response.json()) as { error: { code: string; message: string } } };
}

describe("errorResponse", () => {
  it("answers an ApiError as it is", async () => {
    const { status, body } = await answer(new ApiError(404, "not_found", "This chat does not exist."));
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: "not_found", message: "This chat does not exist." } });
  });

  it("answers a zod failure as invalid input naming the field", async () => {
    const parsed = z.object({ limit: z.number() }).safeParse({ limit: "x" });
    const { status, body } = await answer(parsed.error);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.message).toContain("limit");
  });

  it.each([
    ["window_closed", 403, 409, "window_closed"],
    ["bad_credentials", 404, 502, "ozon_bad_credentials"],
    ["premium_required", 403, 502, "ozon_premium_required"],
    ["server_error", 500, 503, "ozon_unavailable"],
    ["not_found", 404, 404, "not_found"],
  ] as const)("maps Ozon's %s to HTTP %i → %i %s", async (kind, ozonStatus, status, code) => {
    const result = await answer(new OzonApiError({ kind, status: ozonStatus }));
    expect(result.status).toBe(status);
    expect(result.body.error.code).toBe(code);
  });

  it("passes Ozon's wait on to the browser", async () => {
    const { status, headers } = await answer(new OzonApiError({ kind: "rate_limited", status: 429, retryAfterMs: 2500 }));
    expect(status).toBe(429);
    expect(headers.get("retry-after")).toBe("3");
  });

  it("says an ambiguous send's outcome is unknown", async () => {
    const { body } = await answer(new OzonApiError({ kind: "timeout", status: 0, outcomeUnknown: true }));
    expect(body.error.code).toBe("outcome_unknown");
  });

  it("hides an unexpected error's details and logs them", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const { status, body } = await answer(new Error("relation \"secret_table\" does not exist"));
    expect(status).toBe(500);
    expect(body.error.code).toBe("internal");
    expect(body.error.message).not.toContain("secret_table");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});
