import type { Db } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";

/** Disconnects a seller account: its key, chats, messages, outbox, sync state and memberships go with it (cascade). */
export async function removeSellerAccount(db: Db, accountId: string): Promise<void> {
  const { count } = await db.sellerAccount.deleteMany({ where: { id: accountId } });
  if (count === 0) throw new ApiError(404, "not_found", "This seller account does not exist or you do not have access to it.");
}
