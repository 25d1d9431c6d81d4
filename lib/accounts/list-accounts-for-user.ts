import type { SessionUser } from "@/lib/auth/get-session-user";
import type { Db } from "@/lib/db/client";
import { loadAccountSummaries, type AccountSummary } from "./load-account-summaries";
import { workableAccountsWhere } from "./workable-accounts-where";

/** The accounts the user may work (administrators: all), with sync progress and unread totals. */
export function listAccountsForUser(db: Db, user: Pick<SessionUser, "id" | "role">): Promise<AccountSummary[]> {
  return loadAccountSummaries(db, workableAccountsWhere(user));
}
