import type { Metadata } from "next";
import { headers } from "next/headers";
import { SavedRepliesSettings } from "@/components/settings/saved-replies-settings";
import { settingsMessages } from "@/components/settings/messages";
import { listAccountsForUser } from "@/lib/accounts/list-accounts-for-user";
import { getDb } from "@/lib/db/client";
import { getRequestLocale } from "@/lib/i18n/get-request-locale";
import { listSavedReplies } from "@/lib/replies/list-saved-replies";
import { mayWriteTeamReplies } from "@/lib/replies/saved-reply-rights";
import { requireSettingsUser } from "../require-settings-user";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: settingsMessages[getRequestLocale(await headers())].repliesTitle };
}

export default async function SavedRepliesPage() {
  const user = await requireSettingsUser();
  const db = getDb();
  const [replies, accounts] = await Promise.all([listSavedReplies(db, user), listAccountsForUser(db, user)]);
  return (
    <SavedRepliesSettings
      initial={{ replies, mayWriteTeam: mayWriteTeamReplies(user) }}
      accounts={accounts.map((account) => ({ id: account.id, name: account.name }))}
      agentName={user.name}
    />
  );
}
