import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { assertAccountsExist } from "./assert-accounts-exist";
import { hashPassword } from "./hash-password";
import { emailSchema, passwordSchema, personNameSchema, userRoleSchema } from "./user-fields";
import { toUserSummary, userSummarySelect, type UserSummary } from "./user-summary";

export const createUserInputSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  role: userRoleSchema.default("AGENT"),
  accountIds: z.array(z.string().min(1).max(100)).max(1000).default([]),
});
export type CreateUserInput = z.input<typeof createUserInputSchema>;

/** Adds a user (an agent unless `role` says ADMIN) with an initial password and the accounts they may work. */
export async function createUser(db: Db, input: CreateUserInput): Promise<UserSummary> {
  const { name, email, password, role, accountIds } = createUserInputSchema.parse(input);
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      await assertAccountsExist(tx, accountIds);
      const user = await tx.user.create({
        data: { name, email, passwordHash, role, memberships: { create: [...new Set(accountIds)].map((accountId) => ({ accountId })) } },
        select: userSummarySelect,
      });
      return toUserSummary(user);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("user_email_taken", { email });
    throw error;
  }
}
