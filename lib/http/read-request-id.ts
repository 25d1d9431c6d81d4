import { randomUUID } from "node:crypto";

/** What a proxy's or a client's x-request-id may look like to be kept: short, and nothing that could forge a log. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The request's id for its log lines and its answer: the caller's x-request-id when sane, else a new one. */
export function readRequestId(request: Request): string {
  const given = request.headers.get("x-request-id")?.trim();
  return given && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}
