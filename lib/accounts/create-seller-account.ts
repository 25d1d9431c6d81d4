import "server-only";
import { encryptSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { getAccountSummary } from "./get-account-summary";
import type { AccountSummary } from "./load-account-summaries";
import { connectionFor, probeSellerAccount, type OzonTarget } from "./probe-seller-account";
import { createSellerAccountInputSchema, type CreateSellerAccountInput } from "./create-seller-account-input";
import { isOzonClientId } from "./seller-account-fields";
import { getEnv, OZON_PRODUCTION_API_URL } from "@/lib/env";

export { createSellerAccountInputSchema, type CreateSellerAccountInput };

/**
 * Connects an Ozon seller account: tries the keys against Ozon first and refuses, in words, keys Ozon rejects
 * (account_key_rejected) and accounts without Premium (account_premium_required), since the inbox cannot read their
 * chats; plain Premium is connected (its support and system chats can be read, its buyer chats cannot). Stores the
 * key encrypted plus its last four characters, the statuses, the key's expiry,
 * and an idle sync state due now (the sync picks it up).
 */
export async function createSellerAccount(db: Db, input: CreateSellerAccountInput, opts: OzonTarget = {}): Promise<AccountSummary> {
  const { name, clientId, apiKey } = createSellerAccountInputSchema.parse(input);
  // The emulator's named sellers (demo-client, basic-client) exist only there: against Ozon, a number or nothing.
  const ozonApiUrl = (opts.ozonApiUrl ?? getEnv().OZON_API_URL).replace(/\/+$/, "");
  if (!isOzonClientId(clientId) && ozonApiUrl === OZON_PRODUCTION_API_URL) {
    throw new AppError("client_id_not_a_number");
  }
  if (await db.sellerAccount.findUnique({ where: { clientId }, select: { id: true } })) throw new AppError("account_already_connected", { clientId });

  const probe = await probeSellerAccount(connectionFor(db, clientId, apiKey, opts));
  if (probe.problem) throw probe.problem;

  let accountId: string;
  try {
    const account = await db.sellerAccount.create({
      data: {
        name,
        clientId,
        apiKeyCiphertext: encryptSecret(apiKey),
        apiKeyLast4: apiKey.slice(-4),
        premiumStatus: probe.premiumStatus,
        connectionStatus: probe.connectionStatus,
        keyExpiresAt: probe.keyExpiresAt,
        syncState: { create: { phase: "IDLE", nextRunAt: new Date() } },
      },
      select: { id: true },
    });
    accountId = account.id;
  } catch (error) {
    // Two administrators adding the same account at once: the unique Client-Id decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("account_already_connected", { clientId });
    throw error;
  }
  return getAccountSummary(db, accountId);
}
