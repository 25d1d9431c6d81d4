import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { loadAccountSummaries, type AccountSummary } from "./load-account-summaries";

/** One account's summary (no rights check: accountRoute has done it). */
export async function getAccountSummary(db: Db, accountId: string): Promise<AccountSummary> {
  const [summary] = await loadAccountSummaries(db, { id: accountId });
  if (!summary) throw new AppError("account_not_found");
  return summary;
}
