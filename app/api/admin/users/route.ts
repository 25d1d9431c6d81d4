import { createUser, createUserInputSchema } from "@/lib/auth/create-user";
import { listUsers } from "@/lib/auth/list-users";
import { getDb } from "@/lib/db/client";
import { readJsonBody } from "@/lib/http/read-json-body";
import { userRoute } from "@/lib/http/user-route";

export const dynamic = "force-dynamic";

export const GET = userRoute(async () => ({ users: await listUsers(getDb()) }), { admin: true });

export const POST = userRoute(
  async ({ request }) => {
    const input = await readJsonBody(request, createUserInputSchema);
    const user = await createUser(getDb(), input);
    return Response.json({ user }, { status: 201 });
  },
  { admin: true },
);
