import { createSellerAccount, createSellerAccountInputSchema } from "@/lib/accounts/create-seller-account";
import { listAccountsForUser } from "@/lib/accounts/list-accounts-for-user";
import { getDb } from "@/lib/db/client";
import { readJsonBody } from "@/lib/http/read-json-body";
import { userRoute } from "@/lib/http/user-route";

export const dynamic = "force-dynamic";

/** The seller accounts the signed-in user may work. */
export const GET = userRoute(async ({ user }) => ({ accounts: await listAccountsForUser(getDb(), user) }));

/** Administrators connect a seller account (the keys are tried against Ozon first). */
export const POST = userRoute(
  async ({ request }) => {
    const input = await readJsonBody(request, createSellerAccountInputSchema);
    const account = await createSellerAccount(getDb(), input);
    return Response.json({ account }, { status: 201 });
  },
  { admin: true },
);
