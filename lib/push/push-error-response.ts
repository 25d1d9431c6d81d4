import type { PushErrorCode } from "./parse-push-payload";

/** Ozon's error body for a push endpoint (contract §11.2), always application/json. */
export function pushErrorResponse(status: number, code: PushErrorCode, message: string): Response {
  return Response.json({ error: { code, message, details: null } }, { status });
}
