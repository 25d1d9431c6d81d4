import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

/** Refuses (400) a list of seller account ids that names an account that does not exist. */
export async function assertAccountsExist(db: Prisma.TransactionClient, accountIds: string[]): Promise<void> {
  const unique = [...new Set(accountIds)];
  if (unique.length === 0) return;
  const found = await db.sellerAccount.count({ where: { id: { in: unique } } });
  if (found !== unique.length) {
    throw new AppError("accounts_missing");
  }
}
