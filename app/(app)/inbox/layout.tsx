import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { InboxShell } from "@/components/inbox/inbox-shell";
import { inboxMessages } from "@/components/inbox/messages";
import { NoAccount } from "@/components/inbox/no-account";
import { listAccountsForUser } from "@/lib/accounts/list-accounts-for-user";
import { getPageUser } from "@/lib/auth/get-page-user";
import { getDb } from "@/lib/db/client";
import { getRequestLocale } from "@/lib/i18n/get-request-locale";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: inboxMessages[getRequestLocale(await headers())].documentTitle(0) };
}

/** The inbox: the chat list stays mounted here while the agent moves between /inbox and /inbox/<chatId>. */
export default async function InboxLayout({ children }: { children: ReactNode }) {
  const user = await getPageUser(await headers());
  if (!user) redirect("/sign-in");
  const accounts = await listAccountsForUser(getDb(), user);
  if (accounts.length === 0) return <NoAccount isAdmin={user.role === "ADMIN"} />;
  return (
    <InboxShell userId={user.id} accounts={accounts.map((account) => ({ id: account.id, name: account.name, totalUnread: account.totalUnread }))}>
      {children}
    </InboxShell>
  );
}
