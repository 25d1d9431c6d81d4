import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { DEFAULT_NOTIFY_SETTINGS, type NotifySettings } from "./notify-settings";

export const notifySettingsSchema = z
  .object({
    ownChats: z.boolean({ error: "ownChats must be true or false" }),
    pool: z.boolean({ error: "pool must be true or false" }),
    sound: z.boolean({ error: "sound must be true or false" }),
  })
  .strict() satisfies z.ZodType<NotifySettings>;

/** The user's notification choices, the same in every tab and on every device (the defaults until they choose). */
export async function getNotifySettings(db: Db, userId: string): Promise<NotifySettings> {
  const row = await db.notifySettings.findUnique({ where: { userId }, select: { ownChats: true, pool: true, sound: true } });
  return row ?? DEFAULT_NOTIFY_SETTINGS;
}
