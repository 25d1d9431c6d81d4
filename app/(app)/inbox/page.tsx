import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AccountChats } from "@/components/inbox/account-chats";
import { listAccountsForUser } from "@/lib/accounts/list-accounts-for-user";
import { getPageUser } from "@/lib/auth/get-page-user";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

// For now: the signed-in agent's seller accounts and their chats, served from our cache. The full inbox
// (thread, composer, filters, languages) grows from here in the next issue.
export default async function InboxPage() {
  const db = getDb();
  const user = await getPageUser(await headers());
  if (!user) redirect("/sign-in");
  const accounts = await listAccountsForUser(db, user);

  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="mb-6 text-2xl font-semibold">Seller Inbox</h1>
      {accounts.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4">
          {user.role === "ADMIN"
            ? "No seller account is connected yet. Connect one with its Client-Id and Api-Key (POST /api/accounts); the settings page comes next."
            : "You have no seller account to work yet. Ask your administrator to give you one."}
        </p>
      ) : (
        accounts.map((account) => <AccountChats key={account.id} account={account} isAdmin={user.role === "ADMIN"} />)
      )}
    </main>
  );
}
