import "server-only";
import { decryptSecret, SecretBoxError } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";

import { issuePushToken } from "./issue-push-token";

/**
 * The account's push token, issued on first use (an account gets one when an administrator first looks at its push
 * settings). A stored token that no longer decrypts (ENCRYPTION_KEY changed) is replaced: the old URL could not be
 * shown again anyway, and Ozon must be given the new one.
 */
export async function readPushToken(db: Db, accountId: string): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const account = await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId }, select: { pushTokenCiphertext: true } });
    if (account.pushTokenCiphertext) {
      try {
        return decryptSecret(account.pushTokenCiphertext);
      } catch (error) {
        if (!(error instanceof SecretBoxError)) throw error;
        return (await issuePushToken(db, accountId))!;
      }
    }
    const issued = await issuePushToken(db, accountId, { onlyIfMissing: true });
    if (issued) return issued;
    // Another request issued one between our read and our update: read that one.
  }
  throw new Error("The push token could not be issued.");
}
