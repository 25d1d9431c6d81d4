import { createHash } from "node:crypto";

/** The lookup form of a push token (push_token_hash): SHA-256, hex. The token itself is never stored in the clear. */
export function hashPushToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
