import { z } from "zod";
import { getAccountSummary } from "@/lib/accounts/get-account-summary";
import { removeSellerAccount } from "@/lib/accounts/remove-seller-account";
import { renameSellerAccount } from "@/lib/accounts/rename-seller-account";
import { accountNameSchema, apiKeySchema } from "@/lib/accounts/seller-account-fields";
import { testSellerAccountConnection, type ConnectionCheck } from "@/lib/accounts/test-seller-account-connection";
import { updateSellerAccountKey } from "@/lib/accounts/update-seller-account-key";
import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";
import { readJsonBody } from "@/lib/http/read-json-body";

export const dynamic = "force-dynamic";

const patchAccountSchema = z
  .object({
    name: accountNameSchema.optional(),
    /** A new Api-Key for the same Client-Id; tried against Ozon before it replaces the stored one. */
    apiKey: apiKeySchema.optional(),
    /** Ask Ozon again whether the stored keys work, and record the answer. */
    testConnection: z.literal(true).optional(),
  })
  .strict()
  .refine((patch) => patch.name !== undefined || patch.apiKey !== undefined || patch.testConnection, "Send at least one of name, apiKey, testConnection.");

export const GET = accountRoute(async ({ account }) => ({ account: await getAccountSummary(getDb(), account.id) }));

export const PATCH = accountRoute(
  async ({ request, account }) => {
    const patch = await readJsonBody(request, patchAccountSchema);
    const db = getDb();
    // The key first: if Ozon refuses it, nothing has changed.
    if (patch.apiKey !== undefined) await updateSellerAccountKey(db, account.id, patch.apiKey);
    if (patch.name !== undefined) await renameSellerAccount(db, account.id, patch.name);
    let check: ConnectionCheck | undefined;
    if (patch.testConnection) check = await testSellerAccountConnection(db, account.id);
    return { account: await getAccountSummary(db, account.id), ...(check ? { check } : {}) };
  },
  { admin: true },
);

export const DELETE = accountRoute(
  async ({ account }) => {
    await removeSellerAccount(getDb(), account.id);
    return new Response(null, { status: 204 });
  },
  { admin: true },
);
