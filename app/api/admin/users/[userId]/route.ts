import { updateUser, updateUserInputSchema } from "@/lib/auth/update-user";
import { getDb } from "@/lib/db/client";
import { readJsonBody } from "@/lib/http/read-json-body";
import { userRoute } from "@/lib/http/user-route";
import { publishAccessChange } from "@/lib/live/publish-access-change";
import { releaseUserChats } from "@/lib/team/release-user-chats";

export const dynamic = "force-dynamic";

/** Administrators change a user: name, role, active, password (a reset), accountIds. */
export const PATCH = userRoute<{ userId: string }>(
  async ({ request, params }) => {
    const input = await readJsonBody(request, updateUserInputSchema);
    const db = getDb();
    const user = await updateUser(db, params.userId, input);
    // Rights changed: the user's open live streams end now, not at their next check (lib/live/open-live-stream.ts).
    if (input.role !== undefined || input.active !== undefined || input.password !== undefined || input.accountIds !== undefined) {
      await publishAccessChange(db, params.userId);
    }
    // Deactivated, or no longer working an account: their chats there go back to the pool.
    if (input.active === false || input.accountIds !== undefined || input.role !== undefined) await releaseUserChats(db, params.userId);
    return { user };
  },
  { admin: true },
);
