import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/** Disconnects a seller account: its key, chats, messages, outbox, sync state and memberships go with it (cascade). */
export async function removeSellerAccount(db: Db, accountId: string): Promise<void> {
  const { count } = await db.sellerAccount.deleteMany({ where: { id: accountId } });
  if (count === 0) throw new AppError("account_not_found");
}
