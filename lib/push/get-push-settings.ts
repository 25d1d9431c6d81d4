import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

import { OZON_PUSH_NETWORKS } from "./is-ozon-push-address";
import { readPushToken } from "./read-push-token";

/** What an administrator sees of an account's push setup (agents never: the URL holds the secret). */
export type PushSettings = {
  /** The URL to paste into Ozon's seller portal. */
  url: string;
  lastPushAt: string | null;
  ozonNetworksOnly: boolean;
  networks: string[];
};

/**
 * The account's push settings, issuing its token on first use. The URL's origin is NEXTAUTH_URL when set (the public
 * address behind a proxy), else the address the administrator's browser used.
 */
export async function getPushSettings(db: Db, accountId: string, requestUrl: string): Promise<PushSettings> {
  const token = await readPushToken(db, accountId);
  const account = await db.sellerAccount.findUniqueOrThrow({
    where: { id: accountId },
    select: { pushOzonNetworksOnly: true, syncState: { select: { lastPushAt: true } } },
  });
  const origin = new URL(getEnv().NEXTAUTH_URL ?? requestUrl).origin;
  return {
    url: `${origin}/api/push/${token}`,
    lastPushAt: account.syncState?.lastPushAt?.toISOString() ?? null,
    ozonNetworksOnly: account.pushOzonNetworksOnly,
    networks: [...OZON_PUSH_NETWORKS],
  };
}
