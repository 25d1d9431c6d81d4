import { getDb } from "@/lib/db/client";
import { readJsonBody } from "@/lib/http/read-json-body";
import { userRoute } from "@/lib/http/user-route";
import { getNotifySettings, notifySettingsSchema } from "@/lib/team/get-notify-settings";
import { updateNotifySettings } from "@/lib/team/update-notify-settings";

export const dynamic = "force-dynamic";

/** The signed-in user's notification choices: { notify: { ownChats, pool, sound } }. */
export const GET = userRoute(async ({ user }) => ({ notify: await getNotifySettings(getDb(), user.id) }));

/** Changes some of them: { ownChats?, pool?, sound? }; answers all of them. */
export const PATCH = userRoute(async ({ request, user }) => {
  const patch = await readJsonBody(
    request,
    notifySettingsSchema.partial().refine((p) => Object.keys(p).length > 0, "Send ownChats, pool, sound or several."),
  );
  return { notify: await updateNotifySettings(getDb(), user.id, patch) };
});
