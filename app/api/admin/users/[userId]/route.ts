import { updateUser, updateUserInputSchema } from "@/lib/auth/update-user";
import { getDb } from "@/lib/db/client";
import { readJsonBody } from "@/lib/http/read-json-body";
import { userRoute } from "@/lib/http/user-route";

export const dynamic = "force-dynamic";

/** Administrators change a user: name, role, active, password (a reset), accountIds. */
export const PATCH = userRoute<{ userId: string }>(
  async ({ request, params }) => {
    const input = await readJsonBody(request, updateUserInputSchema);
    return { user: await updateUser(getDb(), params.userId, input) };
  },
  { admin: true },
);
