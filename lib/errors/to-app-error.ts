import { ZodError } from "zod";
import { OzonApiError } from "@/lib/ozon/errors";
import { AppError } from "./app-error";

/**
 * Anything a handler throws, as the AppError it is answered with: a ZodError is invalid_input naming the field,
 * Ozon's refusals keep Ozon's own words as a parameter, and anything else is `internal` (its details stay in the log).
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const problem = (issue?.message ?? "not accepted").replace(/\.$/, "");
    // A rule about the whole request (no field) already speaks in a full sentence.
    return new AppError("invalid_input", issue?.path.length ? { field: issue.path.join("."), problem } : { problem });
  }
  if (error instanceof OzonApiError) return fromOzonError(error);
  return new AppError("internal");
}

function fromOzonError(error: OzonApiError): AppError {
  const said = (error.ozonMessage ?? "").toLowerCase();
  const ozonMessage = error.ozonMessage;
  switch (error.kind) {
    case "invalid_input":
      return new AppError("ozon_rejected_input", { ozonMessage });
    case "not_found":
      return new AppError("ozon_not_found", { ozonMessage, what: said.includes("chat") ? "chat" : said.includes("posting") ? "posting" : "other" });
    case "window_closed":
      return new AppError("window_closed", { reason: said.includes("only the buyer") ? "buyer_must_start" : "ozon_refused" });
    case "rate_limited":
      return new AppError("rate_limited", { ozonMessage, retryAfterSeconds: Math.max(1, Math.ceil((error.retryAfterMs ?? 1000) / 1000)) });
    case "bad_credentials":
      return new AppError("ozon_bad_credentials", { ozonMessage, deactivated: said.includes("deactivated") });
    case "premium_required":
      return error.requiredSubscription === "reviews"
        ? new AppError("ozon_reviews_subscription_required", { ozonMessage })
        : new AppError("ozon_premium_required", { ozonMessage });
    case "forbidden":
      return new AppError("ozon_access_denied", { ozonMessage });
    case "network":
    case "timeout":
    case "server_error":
    case "unknown":
      return error.outcomeUnknown ? new AppError("outcome_unknown", { ozonMessage }) : new AppError("ozon_unavailable", { ozonMessage });
  }
}
