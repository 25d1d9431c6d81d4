import "server-only";
import { randomBytes } from "node:crypto";

import { encryptSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";

import { hashPushToken } from "./hash-push-token";

/**
 * Gives the account a new push token (the secret part of /api/push/<token>) and returns it: 32 random bytes,
 * base64url. Both the hash and the encrypted copy are replaced in one UPDATE, so the old URL stops working at once.
 * With `onlyIfMissing`, an account that already has a token keeps it and null is returned (two settings pages
 * opening at once must not issue two tokens, the second silently killing the first).
 */
export async function issuePushToken(db: Db, accountId: string, options: { onlyIfMissing?: boolean } = {}): Promise<string | null> {
  const token = randomBytes(32).toString("base64url");
  const updated = await db.sellerAccount.updateMany({
    where: { id: accountId, ...(options.onlyIfMissing ? { pushTokenHash: null } : {}) },
    data: { pushTokenHash: hashPushToken(token), pushTokenCiphertext: encryptSecret(token) },
  });
  return updated.count === 1 ? token : null;
}
