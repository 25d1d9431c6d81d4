import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword } from "./hash-password";
import { emailSchema, passwordSchema, personNameSchema } from "./user-fields";
import { toUserSummary, userSummarySelect, type UserSummary } from "./user-summary";

export const createFirstAdminInputSchema = z.object({ name: personNameSchema, email: emailSchema, password: passwordSchema });
export type CreateFirstAdminInput = z.input<typeof createFirstAdminInputSchema>;

// One setup at a time across every app instance on the database.
const SETUP_LOCK = 7_202_610;

/**
 * First run: creates the first administrator while the inbox has no user at all; afterwards 404. The check and the
 * insert happen under a transaction-scoped advisory lock, so of two simultaneous setups exactly one wins.
 */
export async function createFirstAdmin(db: Db, input: CreateFirstAdminInput): Promise<UserSummary> {
  const { name, email, password } = createFirstAdminInputSchema.parse(input);
  if (await db.user.findFirst({ select: { id: true } })) throw new AppError("setup_done");
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
    if (await tx.user.findFirst({ select: { id: true } })) throw new AppError("setup_done");
    const user = await tx.user.create({ data: { name, email, passwordHash, role: "ADMIN" }, select: userSummarySelect });
    return toUserSummary(user);
  });
}
