import { ZodError } from "zod";
import { OzonApiError } from "@/lib/ozon/errors";
import { ApiError, type ApiErrorBody } from "./api-error";

/** Turns anything a handler throws into our JSON error answer; an unexpected error is logged, never shown. */
export function errorResponse(error: unknown): Response {
  const apiError = toApiError(error);
  if (apiError.code === "internal") console.error("Unexpected error in a route handler:", describeForLog(error));
  const body: ApiErrorBody = { error: { code: apiError.code, message: apiError.message } };
  const headers = apiError.retryAfterSeconds === undefined ? undefined : { "retry-after": String(apiError.retryAfterSeconds) };
  return Response.json(body, { status: apiError.status, headers });
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const message = (issue?.message ?? "not accepted").replace(/\.$/, "");
    // A rule about the whole request (no field) already speaks in a full sentence.
    if (!issue?.path.length) return new ApiError(400, "invalid_input", `Invalid request: ${message}.`);
    return new ApiError(400, "invalid_input", `Invalid ${issue.path.join(".")}: ${message}.`);
  }
  if (error instanceof OzonApiError) return fromOzonError(error);
  return new ApiError(500, "internal", "Something went wrong on the server. Try again; if it keeps happening, tell your administrator.");
}

/** Ozon's refusals keep Ozon's reason (the client already wrote it for an agent); the status says whose problem it is. */
function fromOzonError(error: OzonApiError): ApiError {
  switch (error.kind) {
    case "invalid_input":
      return new ApiError(400, "invalid_input", error.message);
    case "not_found":
      return new ApiError(404, "not_found", error.message);
    case "window_closed":
      return new ApiError(409, "window_closed", error.message);
    case "rate_limited":
      return new ApiError(429, "rate_limited", error.message, Math.max(1, Math.ceil((error.retryAfterMs ?? 1000) / 1000)));
    case "bad_credentials":
      return new ApiError(502, "ozon_bad_credentials", error.message);
    case "premium_required":
      return new ApiError(502, "ozon_premium_required", error.message);
    case "forbidden":
      return new ApiError(502, "ozon_access_denied", error.message);
    case "network":
    case "timeout":
    case "server_error":
    case "unknown":
      return new ApiError(503, error.outcomeUnknown ? "outcome_unknown" : "ozon_unavailable", error.message);
  }
}

function describeForLog(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error);
}
