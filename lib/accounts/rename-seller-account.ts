import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { accountNameSchema } from "./seller-account-fields";

/** Gives a seller account a new display name. */
export async function renameSellerAccount(db: Db, accountId: string, name: string): Promise<void> {
  const { count } = await db.sellerAccount.updateMany({ where: { id: accountId }, data: { name: accountNameSchema.parse(name) } });
  if (count === 0) throw new AppError("account_not_found");
}
