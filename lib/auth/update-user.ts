import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { assertAccountsExist } from "./assert-accounts-exist";
import { hashPassword } from "./hash-password";
import { passwordSchema, personNameSchema, userRoleSchema } from "./user-fields";
import { toUserSummary, userSummarySelect, type UserSummary } from "./user-summary";

export const updateUserInputSchema = z
  .object({
    name: personNameSchema.optional(),
    role: userRoleSchema.optional(),
    active: z.boolean().optional(),
    /** A new password set by an administrator (a reset): every session of the user ends. */
    password: passwordSchema.optional(),
    /** The complete list of seller accounts the user may work (replaces the current one). */
    accountIds: z.array(z.string().min(1).max(100)).max(1000).optional(),
  })
  .strict()
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), "Send at least one of name, role, active, password, accountIds.");
export type UpdateUserInput = z.input<typeof updateUserInputSchema>;

// Serialises changes that could remove the last active administrator (two admins demoting each other at once).
const ADMINS_LOCK = 7_202_611;

/**
 * Changes a user in one transaction: name, role, active, password, accounts. Deactivation and a password reset bump
 * sessionVersion, which ends the user's sessions at once. No change may leave the inbox without an active
 * administrator (409 conflict).
 */
export async function updateUser(db: Db, userId: string, input: UpdateUserInput): Promise<UserSummary> {
  const patch = updateUserInputSchema.parse(input);
  const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMINS_LOCK})`;
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, active: true, name: true } });
    if (!user) throw new AppError("user_not_found");

    const staysActiveAdmin = (patch.role ?? user.role) === "ADMIN" && (patch.active ?? user.active);
    if (user.role === "ADMIN" && user.active && !staysActiveAdmin) {
      const otherAdmins = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: userId } } });
      if (otherAdmins === 0) {
        throw new AppError("last_admin", { name: user.name });
      }
    }
    if (patch.accountIds) {
      await assertAccountsExist(tx, patch.accountIds);
      await tx.accountMembership.deleteMany({ where: { userId } });
      await tx.accountMembership.createMany({ data: [...new Set(patch.accountIds)].map((accountId) => ({ userId, accountId })) });
    }
    const endsSessions = passwordHash !== undefined || (patch.active === false && user.active);
    const updated = await tx.user.update({
      where: { id: userId },
      data: {
        name: patch.name,
        role: patch.role,
        active: patch.active,
        passwordHash,
        ...(endsSessions ? { sessionVersion: { increment: 1 } } : {}),
      },
      select: userSummarySelect,
    });
    return toUserSummary(updated);
  });
}
