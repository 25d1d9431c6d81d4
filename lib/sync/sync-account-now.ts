import type { PrismaClient } from "@/lib/db/generated/client";
import type { OzonConnection } from "@/lib/ozon";

import { SyncLeaseHeldError } from "./errors";
import { runAccountSync, type RunAccountSyncOptions } from "./run-account-sync";
import type { SyncPassReport } from "./sync-account";

/**
 * Runs one sync pass of the account now, under its lease, and returns what it did. Throws SyncLeaseHeldError
 * when another instance (or another run) is syncing the account, and the pass's own error when it fails
 * (after recording it in sync_states, with backoff, as the scheduler would).
 */
export async function syncAccountNow(
  db: PrismaClient,
  accountId: string,
  connection: OzonConnection,
  options: RunAccountSyncOptions = {},
): Promise<SyncPassReport> {
  const result = await runAccountSync(db, accountId, connection, options);
  if (result.status === "lease_held") throw new SyncLeaseHeldError(accountId);
  if (result.status === "failed") throw result.error;
  return result.report;
}
