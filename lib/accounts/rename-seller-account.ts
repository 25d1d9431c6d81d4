import type { Db } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { accountNameSchema } from "./seller-account-fields";

/** Gives a seller account a new display name. */
export async function renameSellerAccount(db: Db, accountId: string, name: string): Promise<void> {
  const { count } = await db.sellerAccount.updateMany({ where: { id: accountId }, data: { name: accountNameSchema.parse(name) } });
  if (count === 0) throw new ApiError(404, "not_found", "This seller account does not exist or you do not have access to it.");
}
