import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AccountSwitcher } from "@/components/orders/account-switcher";
import { ordersMessages } from "@/components/orders/messages";
import { PostingList } from "@/components/orders/posting-list";
import { listAccountsForUser } from "@/lib/accounts/list-accounts-for-user";
import { resolveCurrentAccount } from "@/lib/accounts/resolve-current-account";
import { getPageUser } from "@/lib/auth/get-page-user";
import { getDb } from "@/lib/db/client";
import { getRequestLocale } from "@/lib/i18n/get-request-locale";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = ordersMessages[getRequestLocale(await headers())];
  return { title: `${t.ordersTitle} · Seller Inbox` };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** /orders?account=&q=: the account's recent postings, each linking to its order page. */
export default async function OrdersPage({ searchParams }: { searchParams: SearchParams }) {
  const requestHeaders = await headers();
  const user = await getPageUser(requestHeaders);
  if (!user) redirect("/sign-in");
  const t = ordersMessages[getRequestLocale(requestHeaders)];
  const requested = (await searchParams).account;
  const accounts = await listAccountsForUser(getDb(), user);
  const account = resolveCurrentAccount(accounts, typeof requested === "string" ? requested : undefined);

  return (
    <main className="mx-auto w-full max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-semibold">{t.ordersTitle}</h1>
      {account ? (
        <>
          <AccountSwitcher accounts={accounts.map(({ id, name }) => ({ id, name }))} currentId={account.id} />
          <PostingList key={account.id} accountId={account.id} />
        </>
      ) : (
        <p className="mt-6 rounded-md border border-slate-200 bg-white p-4">{user.role === "ADMIN" ? t.noAccountAdmin : t.noAccountAgent}</p>
      )}
    </main>
  );
}
