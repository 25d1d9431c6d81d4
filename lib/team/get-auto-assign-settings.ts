import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

export const AUTO_ASSIGN_CAP_MAX = 500;
const CAP_ERROR = `cap must be a whole number from 1 to ${AUTO_ASSIGN_CAP_MAX}`;

/** An account's automatic assignment (lib/team/auto-assign-chats.ts): on or off, and the per-agent cap of OPEN chats. */
export const autoAssignSettingsSchema = z
  .object({
    enabled: z.boolean({ error: "enabled must be true or false" }),
    cap: z.number({ error: CAP_ERROR }).int({ error: CAP_ERROR }).min(1, { error: CAP_ERROR }).max(AUTO_ASSIGN_CAP_MAX, { error: CAP_ERROR }),
  })
  .strict();
export type AutoAssignSettings = z.infer<typeof autoAssignSettingsSchema>;

export async function getAutoAssignSettings(db: Db, accountId: string): Promise<AutoAssignSettings> {
  const account = await db.sellerAccount.findUnique({ where: { id: accountId }, select: { autoAssign: true, autoAssignCap: true } });
  if (!account) throw new AppError("account_not_found");
  return { enabled: account.autoAssign, cap: account.autoAssignCap };
}
