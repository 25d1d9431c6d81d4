import type { Db } from "@/lib/db/client";
import type { SellerAccount } from "@/lib/db/generated/client";

/** A seller account as routes may see it: everything but the encrypted Api-Key. */
export type SellerAccountRow = Omit<SellerAccount, "apiKeyCiphertext">;

/** The account and whether the user is one of its members; null when the account does not exist. */
export type AccountAccess = { account: SellerAccountRow; isMember: boolean };

/**
 * The account with the user's membership of it, in one query that needs only the user's id: the route wrapper runs
 * it beside the session check instead of after it. accountForUser then applies the right.
 */
export async function loadAccountAccess(db: Db, accountId: string, userId: string): Promise<AccountAccess | null> {
  const row = await db.sellerAccount.findUnique({
    where: { id: accountId },
    omit: { apiKeyCiphertext: true },
    include: { memberships: { where: { userId }, select: { userId: true } } },
  });
  if (!row) return null;
  const { memberships, ...account } = row;
  return { account, isMember: memberships.length > 0 };
}

/** The account of `access` when `user` may work it: administrators every account, agents their memberships. */
export function accountForUser(user: { role: "ADMIN" | "AGENT" }, access: AccountAccess | null): SellerAccountRow | null {
  if (!access) return null;
  return user.role === "ADMIN" || access.isMember ? access.account : null;
}
