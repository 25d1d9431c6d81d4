import { describe, expect, it } from "vitest";

import { classifyOzonError, OzonApiError, type OzonErrorKind } from "./errors";
import { getChatHistory } from "./get-chat-history";
import { fakeFetch, jsonResponse, testConn } from "./test-helpers";

const table: [number, string, OzonErrorKind][] = [
  [401, "Client-Id and Api-Key headers are required", "bad_credentials"],
  [404, "Invalid Api-Key, please check the key and try again", "bad_credentials"],
  [403, "Api-key is deactivated, use another one or generate a new one", "bad_credentials"],
  [400, "Client-Id header value should be positive integer", "bad_credentials"],
  [403, "This method is available only with the Premium Plus or Premium Pro subscription", "premium_required"],
  [403, "Information is available starting from the premium plus subscription.", "premium_required"],
  [403, "access period has expired", "window_closed"],
  [403, "only the buyer can start a chat for an FBO posting", "window_closed"],
  [403, "Api-Key is missing a required role for a method", "forbidden"],
  [403, "Api-Key is restricted to specific IP addresses", "forbidden"],
  [403, "Offer not signed", "forbidden"],
  [404, "chat not found", "not_found"],
  [404, "posting not found", "not_found"],
  [404, "Not Found", "not_found"],
  [400, "text must be 1 to 1000 characters", "invalid_input"],
  [400, "Cursor value is incorrect", "invalid_input"],
  [429, "You have reached request rate limit per second", "rate_limited"],
  [500, "Internal error", "server_error"],
  [502, "", "server_error"],
  [503, "", "server_error"],
  [409, "conflict", "unknown"],
  [418, "", "unknown"],
];

describe("error classification", () => {
  it.each(table)("%i %s -> %s", (status, message, kind) => {
    expect(classifyOzonError(status, message)).toBe(kind);
  });

  it("tells the reviews subscription apart from Premium Plus by the method's path", () => {
    expect(classifyOzonError(403, "", "/v2/review/count")).toBe("premium_required");
    expect(classifyOzonError(403, "", "/v3/chat/list")).toBe("forbidden");
    expect(classifyOzonError(403, "Api-Key is missing a required role for a method", "/v2/review/list")).toBe("forbidden");
    const reviews = new OzonApiError({ kind: "premium_required", status: 403, path: "/v2/review/list" });
    expect(reviews.requiredSubscription).toBe("reviews");
    expect(reviews.message).toMatch(/«Управление отзывами»/);
    const questions = new OzonApiError({ kind: "premium_required", status: 403, path: "/v1/question/list" });
    expect([questions.requiredSubscription, questions.message]).toEqual(["premium", expect.stringMatching(/product questions/)]);
    expect(new OzonApiError({ kind: "forbidden", status: 403, path: "/v2/review/list" }).requiredSubscription).toBeNull();
  });

  it.each(table)("an HTTP %i answer %s is thrown as %s with code and message", async (status, message, kind) => {
    const code = status === 429 ? 8 : status === 404 ? 5 : 7;
    const f = fakeFetch(() =>
      jsonResponse({ code, message, details: [] }, status, status === 429 ? { "Retry-After": "2" } : {}),
    );
    const err = await getChatHistory(testConn(f.fetch, { retry: { maxAttempts: 1 } }), { chatId: "c" }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(OzonApiError);
    const e = err as OzonApiError;
    expect(e).toMatchObject({ kind, status, ozonCode: code, ozonMessage: message || null, path: "/v3/chat/history" });
    expect(e.outcomeUnknown).toBe(false);
    expect(e.message).toMatch(/\w/);
    if (kind === "rate_limited") expect(e.retryAfterMs).toBe(2000);
  });

  it("user-facing messages are specific", () => {
    const m = (kind: OzonErrorKind, ozonMessage?: string) =>
      new OzonApiError({ kind, status: 403, ...(ozonMessage ? { ozonMessage } : {}) }).message;
    expect(m("premium_required")).toMatch(/Premium Plus or Premium Pro/);
    expect(m("window_closed", "access period has expired")).toMatch(/window has closed/);
    expect(m("window_closed", "only the buyer can start a chat for an FBO posting")).toMatch(/Only the buyer/);
    expect(m("bad_credentials")).toMatch(/API key/);
    expect(new OzonApiError({ kind: "rate_limited", status: 429, retryAfterMs: 3000 }).message).toMatch(/3 seconds/);
    expect(new OzonApiError({ kind: "timeout", status: 0, outcomeUnknown: true }).message).toMatch(/not known/);
  });

  it("a non-JSON error body still classifies by status", async () => {
    const f = fakeFetch(() => new Response("<html>bad gateway</html>", { status: 502 }));
    const e = await getChatHistory(testConn(f.fetch, { retry: { maxAttempts: 1 } }), { chatId: "c" }).catch(
      (x: unknown) => x as OzonApiError,
    );
    expect(e).toMatchObject({ kind: "server_error", status: 502, ozonCode: null, ozonMessage: null });
  });

  it("a 200 with an unexpected shape is kind unknown", async () => {
    const f = fakeFetch(() => jsonResponse({ messages: [{ message_id: "x" }] }));
    await expect(getChatHistory(testConn(f.fetch), { chatId: "c" })).rejects.toMatchObject({
      kind: "unknown",
      status: 200,
    });
    const g = fakeFetch(() => new Response("not json", { status: 200 }));
    await expect(getChatHistory(testConn(g.fetch), { chatId: "c" })).rejects.toMatchObject({ kind: "unknown" });
  });
});
