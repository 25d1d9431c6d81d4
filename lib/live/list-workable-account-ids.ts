import type { Db } from "@/lib/db/client";

/** The ids of the accounts the user may work now (administrators: every account), sorted. */
export async function listWorkableAccountIds(db: Db, user: { id: string; role: "ADMIN" | "AGENT" }): Promise<string[]> {
  const accounts = await db.sellerAccount.findMany({
    where: user.role === "ADMIN" ? {} : { memberships: { some: { userId: user.id } } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return accounts.map((account) => account.id);
}
