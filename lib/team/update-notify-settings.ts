import type { Db } from "@/lib/db/client";
import { notifySettingsSchema } from "./get-notify-settings";
import { DEFAULT_NOTIFY_SETTINGS, type NotifySettings } from "./notify-settings";

/**
 * Changes some of a user's notification choices and answers all of them. Only the fields sent are written, so two
 * tabs changing different choices at once both keep theirs; the first change stores the defaults for the rest.
 */
export async function updateNotifySettings(db: Db, userId: string, patch: Partial<NotifySettings>): Promise<NotifySettings> {
  const parsed = notifySettingsSchema.partial().parse(patch);
  const row = await db.notifySettings.upsert({
    where: { userId },
    create: { userId, ...DEFAULT_NOTIFY_SETTINGS, ...parsed },
    update: parsed,
    select: { ownChats: true, pool: true, sound: true },
  });
  return row;
}
