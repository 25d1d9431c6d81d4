import { createFirstAdmin, createFirstAdminInputSchema } from "@/lib/auth/create-first-admin";
import { getDb } from "@/lib/db/client";
import { handleRoute } from "@/lib/http/handle-route";
import { readJsonBody } from "@/lib/http/read-json-body";

export const dynamic = "force-dynamic";

// First run only (no session exists yet): creates the first administrator; 404 once anyone exists.
export const POST = handleRoute(async (request: Request) => {
  const input = await readJsonBody(request, createFirstAdminInputSchema);
  const user = await createFirstAdmin(getDb(), input);
  return Response.json({ user }, { status: 201 });
});
