import { z } from "zod";
import { encryptSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import { getAccountSummary } from "./get-account-summary";
import type { AccountSummary } from "./load-account-summaries";
import { connectionFor, probeSellerAccount, type OzonTarget } from "./probe-seller-account";
import { accountNameSchema, apiKeySchema, clientIdSchema } from "./seller-account-fields";

export const createSellerAccountInputSchema = z.object({
  name: accountNameSchema,
  clientId: clientIdSchema,
  apiKey: apiKeySchema,
});
export type CreateSellerAccountInput = z.input<typeof createSellerAccountInputSchema>;

function alreadyConnected(clientId: string): ApiError {
  return new ApiError(409, "conflict", `The Ozon seller account with Client-Id ${clientId} is already connected.`);
}

/**
 * Connects an Ozon seller account: tries the keys against Ozon first and refuses, in words, keys Ozon rejects
 * (422 ozon_bad_credentials) and accounts without Premium Plus/Pro (422 ozon_premium_required), since the inbox
 * cannot read their chats. Stores the key encrypted plus its last four characters, the statuses, the key's expiry,
 * and an idle sync state due now (the sync picks it up).
 */
export async function createSellerAccount(db: Db, input: CreateSellerAccountInput, opts: OzonTarget = {}): Promise<AccountSummary> {
  const { name, clientId, apiKey } = createSellerAccountInputSchema.parse(input);
  if (await db.sellerAccount.findUnique({ where: { clientId }, select: { id: true } })) throw alreadyConnected(clientId);

  const probe = await probeSellerAccount(connectionFor(clientId, apiKey, opts));
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
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw alreadyConnected(clientId);
    throw error;
  }
  return getAccountSummary(db, accountId);
}
