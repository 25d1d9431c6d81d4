import { decryptSecret, SecretBoxError } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import type { OzonConnection } from "@/lib/ozon";
import { getAccountLimiter } from "./get-account-limiter";

/**
 * How to talk to Ozon for a stored seller account: its Client-Id, its Api-Key (decrypted here, on the server, and
 * kept only in memory), OZON_API_URL and OZON_TIMEOUT_MS, and the account's rate limiter. Checks no user rights:
 * callers have already (accountRoute, or the sync, which works every account).
 */
export async function getAccountConnection(db: Db, accountId: string): Promise<OzonConnection> {
  const account = await db.sellerAccount.findUnique({
    where: { id: accountId },
    select: { clientId: true, apiKeyCiphertext: true },
  });
  if (!account) throw new ApiError(404, "not_found", "This seller account does not exist or you do not have access to it.");
  let apiKey: string;
  try {
    apiKey = decryptSecret(account.apiKeyCiphertext);
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    throw new ApiError(
      409,
      "not_configured",
      "The stored Api-Key of this seller account cannot be read (the server's ENCRYPTION_KEY may have changed). An administrator must enter the key again.",
    );
  }
  const env = getEnv();
  return {
    baseUrl: env.OZON_API_URL,
    clientId: account.clientId,
    apiKey,
    timeoutMs: env.OZON_TIMEOUT_MS,
    limiter: getAccountLimiter(account.clientId),
  };
}
