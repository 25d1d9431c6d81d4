import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { autoAssignSettingsSchema, type AutoAssignSettings } from "./get-auto-assign-settings";

/**
 * Turns an account's automatic assignment on or off and sets its cap. Chats already waiting unowned stay where they
 * are: only those that begin awaiting from now on are assigned (an administrator hands out the backlog).
 */
export async function updateAutoAssignSettings(db: Db, accountId: string, patch: Partial<AutoAssignSettings>): Promise<AutoAssignSettings> {
  const parsed = autoAssignSettingsSchema.partial().parse(patch);
  const { count } = await db.sellerAccount.updateMany({
    where: { id: accountId },
    data: {
      ...(parsed.enabled === undefined ? {} : { autoAssign: parsed.enabled }),
      ...(parsed.cap === undefined ? {} : { autoAssignCap: parsed.cap }),
    },
  });
  if (count === 0) throw new AppError("account_not_found");
  // Turned off: the chats that waited for an agent stay in the pool.
  if (parsed.enabled === false) await db.chat.updateMany({ where: { accountId, autoAssignPending: true }, data: { autoAssignPending: false } });
  const account = await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId }, select: { autoAssign: true, autoAssignCap: true } });
  return { enabled: account.autoAssign, cap: account.autoAssignCap };
}
