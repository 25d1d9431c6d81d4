import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { autoAssignSettingsSchema, getAutoAssignSettings } from "@/lib/team/get-auto-assign-settings";
import { updateAutoAssignSettings } from "@/lib/team/update-auto-assign-settings";

export const dynamic = "force-dynamic";

/** The account's automatic assignment: { autoAssign: { enabled, cap } } (administrators). */
export const GET = accountRoute(async ({ account }) => ({ autoAssign: await getAutoAssignSettings(getDb(), account.id) }), { admin: true });

/** Turns automatic assignment on or off and sets the per-agent cap: { enabled?, cap? }. */
export const PATCH = accountRoute(
  async ({ request, account }) => {
    const patch = await readJsonBody(request, autoAssignSettingsSchema.partial().refine((p) => p.enabled !== undefined || p.cap !== undefined, "Send enabled, cap or both."));
    return { autoAssign: await updateAutoAssignSettings(getDb(), account.id, patch) };
  },
  { admin: true },
);
