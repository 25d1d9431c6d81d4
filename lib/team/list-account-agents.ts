import type { Db } from "@/lib/db/client";

export type AccountAgent = { id: string; name: string; role: "ADMIN" | "AGENT" };

/**
 * The active users who may work the account (administrators and the account's agents), by name: who a chat can be
 * assigned to and who a note can mention.
 */
export async function listAccountAgents(db: Db, accountId: string): Promise<AccountAgent[]> {
  return db.user.findMany({
    where: { active: true, OR: [{ role: "ADMIN" }, { memberships: { some: { accountId } } }] },
    select: { id: true, name: true, role: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
