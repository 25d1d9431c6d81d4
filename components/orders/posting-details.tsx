"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ApiRequestError, fetchJson } from "@/components/fetch-json";
import { describeApiError } from "@/components/i18n/describe-api-error";
import { formatDateTime } from "@/components/i18n/format";
import { useLocale, useMessages } from "@/components/i18n/locale-provider";
import { queryKeys } from "@/components/query-keys";
import type { GetOrderPostingResponse } from "@/lib/chats/get-order-posting";
import type { PostingView } from "@/lib/cache/posting-view";
import { formatPrice } from "./format-price";
import { MessageBuyerButton } from "./message-buyer-button";
import { ordersMessages } from "./messages";
import { ordersHref, postingApiUrl } from "./order-links";
import { postingStatusWords } from "./posting-status";
import { schemeLabel } from "./scheme-label";

type Messages = (typeof ordersMessages)["en"];

const DATE_ROWS: { key: keyof PostingView["dates"]; label: keyof Messages }[] = [
  { key: "createdAt", label: "dateCreated" },
  { key: "paidAt", label: "datePaid" },
  { key: "shipmentDate", label: "dateShipment" },
  { key: "deliveringAt", label: "dateDelivering" },
  { key: "deliveredAt", label: "dateDelivered" },
];

/** An answer that will not change by asking again (not found, bad number, no access) is not retried. */
function retryUnlessFinal(failureCount: number, error: Error): boolean {
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500 && error.status !== 429) return false;
  return failureCount < 1;
}

/** The order page's body: the posting from Ozon, and the way to its buyer. */
export function PostingDetails({ accountId, accountName, postingNumber }: { accountId: string; accountName: string; postingNumber: string }) {
  const t = useMessages(ordersMessages);
  const locale = useLocale();
  const query = useQuery({
    queryKey: queryKeys.account(accountId).posting(postingNumber),
    queryFn: () => fetchJson<GetOrderPostingResponse>(postingApiUrl(accountId, postingNumber)),
    retry: retryUnlessFinal,
  });

  if (query.isPending) {
    return (
      <div>
        <p role="status" className="mb-3 text-sm text-slate-700">
          {t.loadingPosting}
        </p>
        <div aria-hidden="true" className="h-64 animate-pulse rounded-md bg-slate-100" />
      </div>
    );
  }

  if (query.isError) {
    const error = query.error;
    if (error instanceof ApiRequestError && (error.status === 404 || error.code === "invalid_input")) {
      return (
        <section aria-labelledby="posting-not-found" className="rounded-md border border-slate-300 bg-white p-6">
          <h2 id="posting-not-found" className="text-lg font-semibold">
            {t.notFoundTitle}
          </h2>
          <p className="mt-2">{t.notFound(postingNumber, accountName)}</p>
          <p className="mt-1 text-sm text-slate-700">{t.notFoundHint}</p>
          <Link href={ordersHref(accountId)} className="mt-4 inline-block text-brand-700 underline">
            {t.allOrders}
          </Link>
        </section>
      );
    }
    return (
      <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-900">
        <p className="font-medium">{t.postingLoadFailed}</p>
        <p className="text-sm">{describeApiError(locale, error)}</p>
        <button type="button" onClick={() => void query.refetch()} className="mt-2 rounded-md bg-red-700 px-3 py-1.5 text-sm text-white hover:bg-red-800">
          {t.tryAgain}
        </button>
      </div>
    );
  }

  const posting = query.data.posting;
  const dates = DATE_ROWS.filter((row) => posting.dates[row.key]);
  return (
    <div className="flex flex-col gap-6">
      <dl className="grid grid-cols-1 gap-x-8 gap-y-3 rounded-md border border-slate-200 bg-white p-4 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-slate-600">{t.status}</dt>
          <dd className="font-medium" data-testid="posting-status">
            {postingStatusWords(posting.status, locale)}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t.scheme}</dt>
          <dd className="font-medium">{schemeLabel(posting.scheme, locale)}</dd>
        </div>
        {posting.orderNumber && (
          <div>
            <dt className="text-sm text-slate-600">{t.orderNumber}</dt>
            <dd className="font-mono">{posting.orderNumber}</dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="buyer-chat" className="rounded-md border border-slate-200 bg-white p-4">
        <h2 id="buyer-chat" className="mb-3 text-lg font-semibold">
          {t.buyerChat}
        </h2>
        <MessageBuyerButton accountId={accountId} posting={posting} />
      </section>

      <section aria-labelledby="posting-products" className="rounded-md border border-slate-200 bg-white p-4">
        <h2 id="posting-products" className="mb-3 text-lg font-semibold">
          {t.products}
        </h2>
        {/* Focusable so a keyboard can scroll the table sideways on a phone. */}
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="posting-products">
          <table className="w-full text-left text-sm">
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t.productName}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t.offerId}
                </th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">
                  {t.quantity}
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  {t.price}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {posting.products.map((product, index) => (
                <tr key={`${product.sku}-${index}`}>
                  <td className="py-2 pr-4">{product.name}</td>
                  <td className="py-2 pr-4 font-mono">{product.offerId}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{product.quantity}</td>
                  <td className="py-2 text-right tabular-nums">{formatPrice(locale, product.price, product.currencyCode)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {dates.length > 0 && (
        <section aria-labelledby="posting-dates" className="rounded-md border border-slate-200 bg-white p-4">
          <h2 id="posting-dates" className="mb-3 text-lg font-semibold">
            {t.dates}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            {dates.map((row) => {
              const iso = posting.dates[row.key]!;
              return (
                <div key={row.key} className="contents">
                  <dt className="text-slate-600">{t[row.label] as string}</dt>
                  <dd>
                    <time dateTime={iso}>{formatDateTime(locale, iso)}</time>
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      )}
    </div>
  );
}
