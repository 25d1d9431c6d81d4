/**
 * Whether a handler failed only because the browser went away (a tab closed, a navigation, a dropped connection):
 * Node ends the request's body with `Error: aborted` (ECONNRESET) and the request's signal fires. Nothing is wrong
 * on the server, and nobody is left to answer.
 */
export function isClientGone(request: Request, error: unknown): boolean {
  if (request.signal.aborted) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  return error.message === "aborted" && (code === "ECONNRESET" || code === undefined);
}
