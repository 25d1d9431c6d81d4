import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { OzonApiError } from "@/lib/ozon/errors";
import { captureLogLines } from "@/lib/log/testing";
import { errorResponse } from "./error-response";

async function answer(error: unknown) {
  const response = errorResponse(error);
  return { status: response.status, headers: response.headers, body: (await response.json()) as { error: { code: string; message: string } & Record<string, unknown> } };
}

describe("errorResponse", () => {
  it("answers an AppError with its code's status, the catalog's English and its parameters beside them", async () => {
    const taken = await answer(new AppError("user_email_taken", { email: "olga@shop.test" }));
    expect(taken.status).toBe(409);
    expect(taken.body).toEqual({ error: { code: "user_email_taken", message: "A user with the email olga@shop.test already exists.", email: "olga@shop.test" } });

    const missing = await answer(new AppError("chat_not_found"));
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: "chat_not_found", message: "This chat was not found in this seller account." } });
    expect(missing.headers.get("retry-after")).toBeNull();
  });

  it("gives Retry-After when the error says how long to wait", async () => {
    const { status, headers, body } = await answer(new AppError("sign_in_rate_limited", { scope: "email", minutes: 5, retryAfterSeconds: 270 }));
    expect(status).toBe(429);
    expect(headers.get("retry-after")).toBe("270");
    expect(body.error).toMatchObject({ code: "sign_in_rate_limited", retryAfterSeconds: 270, message: expect.stringMatching(/Try again in 5 minutes/) });
  });

  it("answers a zod failure as invalid input naming the field", async () => {
    const parsed = z.object({ limit: z.number() }).safeParse({ limit: "x" });
    const { status, body } = await answer(parsed.error);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_input", field: "limit" });
    expect(body.error.message).toMatch(/^Invalid limit: /);
  });

  it.each([
    ["window_closed", 403, 409, "window_closed"],
    ["bad_credentials", 404, 502, "ozon_bad_credentials"],
    ["premium_required", 403, 502, "ozon_premium_required"],
    ["forbidden", 403, 502, "ozon_access_denied"],
    ["server_error", 500, 503, "ozon_unavailable"],
    ["not_found", 404, 404, "ozon_not_found"],
    ["invalid_input", 400, 400, "ozon_rejected_input"],
  ] as const)("maps Ozon's %s to HTTP %i → %i %s", async (kind, ozonStatus, status, code) => {
    const result = await answer(new OzonApiError({ kind, status: ozonStatus }));
    expect(result.status).toBe(status);
    expect(result.body.error.code).toBe(code);
  });

  it("keeps Ozon's own words as a parameter, and tells which window closed", async () => {
    const start = await answer(new OzonApiError({ kind: "window_closed", status: 403, ozonMessage: "Only the buyer can start a chat" }));
    expect(start.body.error).toMatchObject({ reason: "buyer_must_start", message: expect.stringMatching(/^Only the buyer can start a chat/) });
    const invalid = await answer(new OzonApiError({ kind: "invalid_input", status: 400, ozonMessage: "text is too long" }));
    expect(invalid.body.error).toMatchObject({ ozonMessage: "text is too long", message: "Ozon rejected the request as invalid: text is too long." });
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
    let answered: Awaited<ReturnType<typeof answer>> | undefined;
    const lines = await captureLogLines(async () => {
      answered = await answer(new Error("relation \"secret_table\" does not exist"));
    });
    expect(answered?.status).toBe(500);
    expect(answered?.body.error.code).toBe("internal");
    expect(answered?.body.error.message).not.toContain("secret_table");
    expect(lines).toEqual([expect.objectContaining({ level: "error", msg: "Unexpected error in a route handler" })]);
    expect(lines[0]?.err?.message).toContain("secret_table");
    expect(lines[0]?.err?.stack).toContain("error-response.test.ts");
  });
});
