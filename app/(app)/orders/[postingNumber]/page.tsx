import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ordersMessages } from "@/components/orders/messages";
import { isOrderNumber, ordersHref } from "@/components/orders/order-links";
import { PostingDetails } from "@/components/orders/posting-details";
import { listAccountsForUser } from "@/lib/accounts/list-accounts-for-user";
import { resolveCurrentAccount } from "@/lib/accounts/resolve-current-account";
import { getPageUser } from "@/lib/auth/get-page-user";
import { getDb } from "@/lib/db/client";
import { getRequestLocale } from "@/lib/i18n/get-request-locale";

export const dynamic = "force-dynamic";

type Params = Promise<{ postingNumber: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = ordersMessages[getRequestLocale(await headers())];
  return { title: `${t.postingTitle(decodeSegment((await params).postingNumber))} · Seller Inbox` };
}

/** /orders/<postingNumber>?account=: one posting, and the way to message its buyer. */
export default async function PostingPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const requestHeaders = await headers();
  const user = await getPageUser(requestHeaders);
  if (!user) redirect("/sign-in");
  const t = ordersMessages[getRequestLocale(requestHeaders)];
  const postingNumber = decodeSegment((await params).postingNumber);
  const requested = (await searchParams).account;
  const account = resolveCurrentAccount(await listAccountsForUser(getDb(), user), typeof requested === "string" ? requested : undefined);
  // A link by order number (a chat's messages carry those) lists the order's postings.
  if (account && isOrderNumber(postingNumber)) redirect(ordersHref(account.id, postingNumber));

  return (
    <main className="mx-auto w-full max-w-5xl px-4 py-8">
      <nav aria-label={t.breadcrumb} className="mb-2 text-sm">
        <Link href={account ? ordersHref(account.id) : "/orders"} className="text-brand-700 underline">
          {t.allOrders}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold">
        {t.postingTitle("")}
        <span className="font-mono">{postingNumber}</span>
      </h1>
      {account ? (
        <>
          <p className="mb-6 text-sm text-slate-600">{t.accountLine(account.name)}</p>
          <PostingDetails key={`${account.id}:${postingNumber}`} accountId={account.id} accountName={account.name} postingNumber={postingNumber} />
        </>
      ) : (
        <p className="mt-6 rounded-md border border-slate-200 bg-white p-4">{user.role === "ADMIN" ? t.noAccountAdmin : t.noAccountAgent}</p>
      )}
    </main>
  );
}

/** A malformed escape (a stray "%") is shown as typed, not turned into an error page. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
