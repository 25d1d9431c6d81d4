import type { Metadata } from "next";
import { headers } from "next/headers";
import { SellerAccountsSettings } from "@/components/settings/seller-accounts-settings";
import { settingsMessages } from "@/components/settings/messages";
import { listAccountsForUser } from "@/lib/accounts/list-accounts-for-user";
import { getDb } from "@/lib/db/client";
import { getRequestLocale } from "@/lib/i18n/get-request-locale";
import { requireSettingsAdmin } from "../require-settings-admin";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: settingsMessages[getRequestLocale(await headers())].accountsTitle };
}

export default async function SellerAccountsPage() {
  const user = await requireSettingsAdmin();
  const accounts = await listAccountsForUser(getDb(), user);
  return <SellerAccountsSettings initialAccounts={accounts} />;
}
