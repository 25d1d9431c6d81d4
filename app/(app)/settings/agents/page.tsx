import type { Metadata } from "next";
import { headers } from "next/headers";
import { AgentsSettings } from "@/components/settings/agents-settings";
import { settingsMessages } from "@/components/settings/messages";
import { listAccountsForUser } from "@/lib/accounts/list-accounts-for-user";
import { listUsers } from "@/lib/auth/list-users";
import { getDb } from "@/lib/db/client";
import { getRequestLocale } from "@/lib/i18n/get-request-locale";
import { requireSettingsAdmin } from "../require-settings-admin";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: settingsMessages[getRequestLocale(await headers())].agentsTitle };
}

export default async function AgentsPage() {
  const user = await requireSettingsAdmin();
  const db = getDb();
  const [users, accounts] = await Promise.all([listUsers(db), listAccountsForUser(db, user)]);
  return <AgentsSettings initialUsers={users} initialAccounts={accounts} currentUserId={user.id} />;
}
