import { z } from "zod";

import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { getPushSettings } from "@/lib/push/get-push-settings";
import { issuePushToken } from "@/lib/push/issue-push-token";

export const dynamic = "force-dynamic";

/** The account's push URL and options (administrators only: the URL is a secret). Issues the token on first use. */
export const GET = accountRoute(async ({ request, account }) => ({ push: await getPushSettings(getDb(), account.id, request.url) }), {
  admin: true,
});

/** A new push URL; the old one stops working at once (Ozon must be given the new one). No body. */
export const POST = accountRoute(
  async ({ request, account }) => {
    const db = getDb();
    await issuePushToken(db, account.id);
    return { push: await getPushSettings(db, account.id, request.url) };
  },
  { admin: true },
);

const patchPushSchema = z.object({ ozonNetworksOnly: z.boolean() }).strict();

/** Turns "accept pushes only from Ozon's networks" on or off. */
export const PATCH = accountRoute(
  async ({ request, account }) => {
    const { ozonNetworksOnly } = await readJsonBody(request, patchPushSchema);
    const db = getDb();
    await db.sellerAccount.update({ where: { id: account.id }, data: { pushOzonNetworksOnly: ozonNetworksOnly } });
    return { push: await getPushSettings(db, account.id, request.url) };
  },
  { admin: true },
);
