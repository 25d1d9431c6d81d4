import type { AppErrorBody } from "@/lib/errors/app-error";
import { toAppError } from "@/lib/errors/to-app-error";
import { logger } from "@/lib/log/logger";
import { ERROR_STATUS } from "./error-status";

/**
 * Turns anything a handler throws into our JSON error answer: `{ error: { code, message, ...params } }` with the
 * status of the code, the catalog's English as `message`, and Retry-After when the error says how long to wait.
 * An unexpected error is logged, never shown.
 */
export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  if (appError.code === "internal") logger.error({ err: error }, "Unexpected error in a route handler");
  const body: AppErrorBody = { error: { ...appError.params, code: appError.code, message: appError.message } };
  const retryAfter = (appError.params as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  const headers = typeof retryAfter === "number" ? { "retry-after": String(retryAfter) } : undefined;
  return Response.json(body, { status: ERROR_STATUS[appError.code], headers });
}
