import type { Db } from "@/lib/db/client";
import type { ConnectionStatus, PremiumStatus } from "@/lib/db/generated/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { getRoles, getSellerInfo, OzonApiError, type OzonConnection } from "@/lib/ozon";
import { getAccountLimiter } from "./get-account-limiter";

/** Where Ozon is, for the operations that try keys (default: OZON_API_URL and OZON_TIMEOUT_MS). */
export type OzonTarget = { ozonApiUrl?: string; timeoutMs?: number; fetch?: typeof fetch };

export type SellerAccountProbe = {
  connectionStatus: Extract<ConnectionStatus, "OK" | "BAD_CREDENTIALS" | "PREMIUM_REQUIRED">;
  premiumStatus: PremiumStatus;
  keyExpiresAt: Date | null;
  /** Words for an administrator when the status is not OK. */
  problem: AppError<"account_key_rejected" | "account_premium_required"> | null;
};

const PREMIUM_STATUSES: Record<string, PremiumStatus> = {
  PREMIUM_PLUS: "PREMIUM_PLUS",
  PREMIUM_PRO: "PREMIUM_PRO",
  PREMIUM: "PREMIUM",
};

export function connectionFor(db: Db, clientId: string, apiKey: string, target: OzonTarget = {}): OzonConnection {
  const env = getEnv();
  return {
    baseUrl: target.ozonApiUrl ?? env.OZON_API_URL,
    clientId,
    apiKey,
    timeoutMs: target.timeoutMs ?? env.OZON_TIMEOUT_MS,
    fetch: target.fetch,
    limiter: getAccountLimiter(db, clientId),
  };
}

/**
 * Tries a Client-Id and Api-Key against Ozon: /v1/seller/info (is the key accepted; which subscription) and
 * /v1/roles (when the key expires). Bad credentials and a subscription without chats come back as a status with words;
 * anything else from Ozon (unreachable, 5xx, rate limit) is thrown as the OzonApiError.
 */
export async function probeSellerAccount(connection: OzonConnection): Promise<SellerAccountProbe> {
  try {
    const info = await getSellerInfo(connection);
    const type = info.subscription.type;
    const premiumStatus = PREMIUM_STATUSES[type] ?? (info.subscription.isPremium ? "UNKNOWN" : "NONE");
    const roles = await getRoles(connection);
    const expires = roles.expiresAt ? new Date(roles.expiresAt) : null;
    const keyExpiresAt = expires && !Number.isNaN(expires.getTime()) ? expires : null;
    // Plain Premium reads support and system chats (not buyer chats): connected, and the sync says what it cannot read.
    if (!info.subscription.allowsChat && premiumStatus !== "PREMIUM") {
      return { connectionStatus: "PREMIUM_REQUIRED", premiumStatus, keyExpiresAt, problem: new AppError("account_premium_required", { subscription: type || null }) };
    }
    return { connectionStatus: "OK", premiumStatus, keyExpiresAt, problem: null };
  } catch (error) {
    if (error instanceof OzonApiError && error.kind === "bad_credentials") {
      return { connectionStatus: "BAD_CREDENTIALS", premiumStatus: "UNKNOWN", keyExpiresAt: null, problem: new AppError("account_key_rejected") };
    }
    throw error;
  }
}
