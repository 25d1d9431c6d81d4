import type { Prisma } from "@/lib/db/generated/client";

/** The seller accounts a user may work, as a filter: administrators every account, agents their memberships. */
export function workableAccountsWhere(user: { id: string; role: "ADMIN" | "AGENT" }): Prisma.SellerAccountWhereInput {
  return user.role === "ADMIN" ? {} : { memberships: { some: { userId: user.id } } };
}
