import type { Prisma } from "@/lib/db/generated/client";

/** A user as administrators see it: never the password hash. */
export type UserSummary = {
  id: string;
  email: string;
  name: string;
  role: "ADMIN" | "AGENT";
  active: boolean;
  createdAt: string;
  /** Seller accounts the user may work (memberships). Administrators work every account regardless. */
  accountIds: string[];
};

export const userSummarySelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  createdAt: true,
  memberships: { select: { accountId: true }, orderBy: { accountId: "asc" } },
} satisfies Prisma.UserSelect;

type SelectedUser = Prisma.UserGetPayload<{ select: typeof userSummarySelect }>;

export function toUserSummary(user: SelectedUser): UserSummary {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    accountIds: user.memberships.map((membership) => membership.accountId),
  };
}
