import type { SessionUser } from "@/lib/auth/get-session-user";
import type { Db } from "@/lib/db/client";
import { loadAccountSummaries, type AccountSummary } from "./load-account-summaries";

/** The accounts the user may work (administrators: all), with sync progress and unread totals. */
export function listAccountsForUser(db: Db, user: Pick<SessionUser, "id" | "role">): Promise<AccountSummary[]> {
  return loadAccountSummaries(db, user.role === "ADMIN" ? {} : { memberships: { some: { userId: user.id } } });
}
