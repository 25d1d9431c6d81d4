import { createSellerAccount } from "@/lib/accounts/create-seller-account";
import { hashPassword } from "@/lib/auth/hash-password";
import type { Db } from "@/lib/db/client";

export const DEMO_PASSWORD = "demo-password";
export const DEMO_ADMIN_EMAIL = "admin@demo.local";
export const DEMO_AGENT_EMAIL = "agent@demo.local";
export const DEMO_CLIENT_ID = "demo-client";
export const DEMO_API_KEY = "demo-api-key";
export const DEMO_ACCOUNT_NAME = "Домашний уют (demo)";

/**
 * The demo's people and seller account, on the Ozon emulator at `ozonApiUrl`: the administrator admin@demo.local,
 * the agent agent@demo.local (both with the password "demo-password"), and the emulator's Premium Plus seller
 * demo-client, which the agent may work. Idempotent: what exists is left as it is. (The emulator's other seller,
 * basic-client, has no premium and cannot be connected, so there is no second account.)
 */
export async function seedDemoData(db: Db, { ozonApiUrl }: { ozonApiUrl: string }): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.user.upsert({
    where: { email: DEMO_ADMIN_EMAIL },
    create: { email: DEMO_ADMIN_EMAIL, name: "Demo Admin", passwordHash, role: "ADMIN" },
    update: {},
  });
  const agent = await db.user.upsert({
    where: { email: DEMO_AGENT_EMAIL },
    create: { email: DEMO_AGENT_EMAIL, name: "Demo Agent", passwordHash, role: "AGENT" },
    update: {},
  });

  let account = await db.sellerAccount.findUnique({ where: { clientId: DEMO_CLIENT_ID }, select: { id: true } });
  if (!account) {
    const created = await createSellerAccount(db, { name: DEMO_ACCOUNT_NAME, clientId: DEMO_CLIENT_ID, apiKey: DEMO_API_KEY }, { ozonApiUrl });
    account = { id: created.id };
  }
  await db.accountMembership.upsert({
    where: { userId_accountId: { userId: agent.id, accountId: account.id } },
    create: { userId: agent.id, accountId: account.id },
    update: {},
  });
}
