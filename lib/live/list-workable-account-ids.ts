import { workableAccountsWhere } from "@/lib/accounts/workable-accounts-where";
import type { Db } from "@/lib/db/client";

/** The ids of the accounts the user may work now (administrators: every account), sorted. */
export async function listWorkableAccountIds(db: Db, user: { id: string; role: "ADMIN" | "AGENT" }): Promise<string[]> {
  const accounts = await db.sellerAccount.findMany({
    where: workableAccountsWhere(user),
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return accounts.map((account) => account.id);
}
