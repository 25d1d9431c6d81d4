import type { Db } from "@/lib/db/client";
import { publishLiveEvent } from "./publish-live-event";

/**
 * Tells every instance that what `userId` may do changed (accounts, role, deactivated, password reset, signed out):
 * an `access` event on every seller account (a handful), so each open stream of that user ends within the bus's
 * wake-up, whichever account it carried and on whichever instance it runs (open-live-stream.ts). Call it after the
 * change is committed.
 */
export async function publishAccessChange(db: Db, userId: string): Promise<void> {
  const accounts = await db.sellerAccount.findMany({ select: { id: true } });
  for (const account of accounts) await publishLiveEvent(db, { kind: "access", accountId: account.id, userId });
}
