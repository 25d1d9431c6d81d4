/**
 * Opaque paging cursors. Ozon answers `Cursor value is incorrect` to a cursor it did not issue, so cursors carry
 * an HMAC with a per-process secret; anything else is rejected with 400.
 */
import { createHmac, randomBytes } from "node:crypto";
import { badRequest, MSG } from "./errors";

const secret = randomBytes(16);

function mac(payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url").slice(0, 16);
}

export function encodeCursor(payload: string): string {
  return `${Buffer.from(payload, "utf8").toString("base64url")}.${mac(payload)}`;
}

/** The payload of a cursor this process issued; 400 otherwise. */
export function decodeCursor(cursor: string): string {
  const dot = cursor.lastIndexOf(".");
  if (dot > 0) {
    const payload = Buffer.from(cursor.slice(0, dot), "base64url").toString("utf8");
    if (mac(payload) === cursor.slice(dot + 1)) return payload;
  }
  throw badRequest(MSG.badCursor);
}
