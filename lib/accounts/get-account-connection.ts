import "server-only";
import { decryptSecret, SecretBoxError } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
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
  if (!account) throw new AppError("account_not_found");
  let apiKey: string;
  try {
    apiKey = decryptSecret(account.apiKeyCiphertext);
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    throw new AppError("account_key_unreadable");
  }
  const env = getEnv();
  return {
    baseUrl: env.OZON_API_URL,
    clientId: account.clientId,
    apiKey,
    timeoutMs: env.OZON_TIMEOUT_MS,
    limiter: getAccountLimiter(db, account.clientId),
  };
}
