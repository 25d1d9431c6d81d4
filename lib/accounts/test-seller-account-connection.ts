import type { Db } from "@/lib/db/client";
import type { ConnectionStatus } from "@/lib/db/generated/client";
import type { AppError, AppErrorBody } from "@/lib/errors/app-error";
import { toAppError } from "@/lib/errors/to-app-error";
import { OzonApiError } from "@/lib/ozon";
import { getAccountConnection } from "./get-account-connection";
import { probeSellerAccount, type OzonTarget } from "./probe-seller-account";

export type ConnectionCheck = {
  connectionStatus: ConnectionStatus;
  /** What is wrong, as an error answer's body carries it (code, English words, parameters); null when it works. */
  problem: AppErrorBody["error"] | null;
};

/**
 * Checks the stored keys against Ozon again and records the outcome on the account: OK, BAD_CREDENTIALS,
 * PREMIUM_REQUIRED, or ERROR when Ozon could not be asked.
 */
export async function testSellerAccountConnection(db: Db, accountId: string, opts: OzonTarget = {}): Promise<ConnectionCheck> {
  const stored = await getAccountConnection(db, accountId);
  const connection = {
    ...stored,
    baseUrl: opts.ozonApiUrl ?? stored.baseUrl,
    timeoutMs: opts.timeoutMs ?? stored.timeoutMs,
    fetch: opts.fetch,
  };
  try {
    const probe = await probeSellerAccount(connection);
    await db.sellerAccount.update({
      where: { id: accountId },
      // A refused key tells nothing about the subscription or the expiry: the last known values stay.
      data:
        probe.connectionStatus === "BAD_CREDENTIALS"
          ? { connectionStatus: probe.connectionStatus }
          : { connectionStatus: probe.connectionStatus, premiumStatus: probe.premiumStatus, keyExpiresAt: probe.keyExpiresAt },
    });
    return { connectionStatus: probe.connectionStatus, problem: probe.problem && describeProblem(probe.problem) };
  } catch (error) {
    if (!(error instanceof OzonApiError)) throw error;
    await db.sellerAccount.update({ where: { id: accountId }, data: { connectionStatus: "ERROR" } });
    return { connectionStatus: "ERROR", problem: describeProblem(toAppError(error)) };
  }
}

function describeProblem(error: AppError): AppErrorBody["error"] {
  return { ...error.params, code: error.code, message: error.message };
}
