import "server-only";
import { encryptSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { connectionFor, probeSellerAccount, type OzonTarget } from "./probe-seller-account";
import { apiKeySchema } from "./seller-account-fields";

/**
 * Replaces an account's Api-Key (Ozon's keys expire). The new key is tried first; a key Ozon rejects, or an account
 * without Premium Plus/Pro, is refused in words (422) and the stored key stays as it was.
 */
export async function updateSellerAccountKey(db: Db, accountId: string, newApiKey: string, opts: OzonTarget = {}): Promise<void> {
  const apiKey = apiKeySchema.parse(newApiKey);
  const account = await db.sellerAccount.findUnique({ where: { id: accountId }, select: { clientId: true } });
  if (!account) throw new AppError("account_not_found");

  const probe = await probeSellerAccount(connectionFor(db, account.clientId, apiKey, opts));
  if (probe.problem) throw probe.problem;

  await db.sellerAccount.update({
    where: { id: accountId },
    data: {
      apiKeyCiphertext: encryptSecret(apiKey),
      apiKeyLast4: apiKey.slice(-4),
      premiumStatus: probe.premiumStatus,
      connectionStatus: probe.connectionStatus,
      keyExpiresAt: probe.keyExpiresAt,
    },
  });
}
