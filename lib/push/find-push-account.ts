import type { Db } from "@/lib/db/client";
import { batchWhileBusy } from "@/lib/db/batch-while-busy";
import { hashPushToken } from "./hash-push-token";

export type PushAccount = { id: string; pushOzonNetworksOnly: boolean };

/** At most this many tokens in one lookup. */
const MAX_BATCH = 500;

const globalForPush = globalThis as typeof globalThis & { __sellerInboxPushAccountLookups?: WeakMap<Db, (hash: string) => Promise<PushAccount | null>> };
const lookups = (globalForPush.__sellerInboxPushAccountLookups ??= new WeakMap());

/**
 * The account whose push URL holds `token`, or null. Read from the database every time (a reissued token is refused at
 * once, on every instance), but pushes arriving together share one query (batchWhileBusy): during a flood the receiver
 * must not queue behind one lookup per push.
 */
export function findPushAccount(db: Db, token: string): Promise<PushAccount | null> {
  let lookup = lookups.get(db);
  if (!lookup) {
    lookup = batchWhileBusy(async (hashes: string[]) => {
      const accounts = await db.sellerAccount.findMany({
        where: { pushTokenHash: { in: [...new Set(hashes)] } },
        select: { id: true, pushOzonNetworksOnly: true, pushTokenHash: true },
      });
      const byHash = new Map(accounts.map((a) => [a.pushTokenHash!, { id: a.id, pushOzonNetworksOnly: a.pushOzonNetworksOnly }]));
      return hashes.map((hash) => byHash.get(hash) ?? null);
    }, MAX_BATCH);
    lookups.set(db, lookup);
  }
  return lookup(hashPushToken(token));
}
