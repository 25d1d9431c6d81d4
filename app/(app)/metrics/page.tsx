import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { MetricsDashboard } from "@/components/metrics/metrics-dashboard";
import { metricsMessages } from "@/components/metrics/messages";
import { MetricsAccountSwitcher } from "@/components/metrics/metrics-account-switcher";
import { listAccountsForUser } from "@/lib/accounts/list-accounts-for-user";
import { resolveCurrentAccount } from "@/lib/accounts/resolve-current-account";
import { getPageUser } from "@/lib/auth/get-page-user";
import { getDb } from "@/lib/db/client";
import { getRequestLocale } from "@/lib/i18n/get-request-locale";
import { SELLER_TIME_ZONE } from "@/lib/metrics/metrics-time-zone";
import { zonedDay } from "@/lib/metrics/resolve-metrics-range";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = metricsMessages[getRequestLocale(await headers())];
  return { title: `${t.title} · Seller Inbox` };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** /metrics?account=: response times per agent and account beside Ozon's rating (administrators; agents see their own). */
export default async function MetricsPage({ searchParams }: { searchParams: SearchParams }) {
  const requestHeaders = await headers();
  const user = await getPageUser(requestHeaders);
  if (!user) redirect("/sign-in");
  const t = metricsMessages[getRequestLocale(requestHeaders)];
  const requested = (await searchParams).account;
  const accounts = await listAccountsForUser(getDb(), user);
  const account = resolveCurrentAccount(accounts, typeof requested === "string" ? requested : undefined);
  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8">
      <h1 className="mb-2 text-2xl font-semibold">{t.title}</h1>
      {account ? (
        <>
          <MetricsAccountSwitcher accounts={accounts.map(({ id, name }) => ({ id, name }))} currentId={account.id} />
          <MetricsDashboard key={account.id} accountId={account.id} isAdmin={user.role === "ADMIN"} today={zonedDay(new Date(), SELLER_TIME_ZONE)} />
        </>
      ) : (
        <p className="mt-6 rounded-md border border-slate-200 bg-white p-4">{user.role === "ADMIN" ? t.noAccountAdmin : t.noAccountAgent}</p>
      )}
    </main>
  );
}
