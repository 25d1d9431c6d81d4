import type { Db } from "@/lib/db/client";
import type { SellerAccount } from "@/lib/db/generated/client";

/** A seller account as routes may see it: everything but the encrypted Api-Key. */
export type SellerAccountRow = Omit<SellerAccount, "apiKeyCiphertext">;

/**
 * The account, if the user may work it (administrators: every account; agents: their memberships); otherwise null,
 * the same as for an account that does not exist.
 */
export async function getAccountForUser(
  db: Db,
  user: { id: string; role: "ADMIN" | "AGENT" },
  accountId: string,
): Promise<SellerAccountRow | null> {
  return db.sellerAccount.findFirst({
    where: user.role === "ADMIN" ? { id: accountId } : { id: accountId, memberships: { some: { userId: user.id } } },
    omit: { apiKeyCiphertext: true },
  });
}
