import type { Db } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { loadAccountSummaries, type AccountSummary } from "./load-account-summaries";

/** One account's summary (no rights check: accountRoute has done it). */
export async function getAccountSummary(db: Db, accountId: string): Promise<AccountSummary> {
  const [summary] = await loadAccountSummaries(db, { id: accountId });
  if (!summary) throw new ApiError(404, "not_found", "This seller account does not exist or you do not have access to it.");
  return summary;
}
