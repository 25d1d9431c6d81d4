"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { formatDateTime } from "@/components/i18n/format";
import { formatPrice } from "@/components/orders/format-price";
import { postingStatusWords } from "@/components/orders/posting-status";
import { schemeLabel } from "@/components/orders/scheme-label";
import type { ChatPostingView } from "@/lib/cache/chat-posting-view";
import type { Locale } from "@/lib/i18n/locales";
import { FallbackImage } from "./fallback-image";
import type { InboxStrings } from "./messages";
import { orderHref } from "./order-href";
import type { useChatOrder } from "./use-chat-order";

const DATES: { key: "paidAt" | "shipmentDate" | "deliveringAt" | "deliveredAt"; label: "postingPaid" | "postingShipBy" | "postingDelivering" | "postingDelivered" }[] = [
  { key: "paidAt", label: "postingPaid" },
  { key: "shipmentDate", label: "postingShipBy" },
  { key: "deliveringAt", label: "postingDelivering" },
  { key: "deliveredAt", label: "postingDelivered" },
];

/**
 * The order the open chat is about, beside (wide screens) or above (phones, folded) its messages: each posting's
 * number, status in words, scheme, dates and products, with a link to its order page.
 */
export function OrderPanel({ t, locale, accountId, order }: { t: InboxStrings; locale: Locale; accountId: string; order: ReturnType<typeof useChatOrder> }) {
  const details = useRef<HTMLDetailsElement>(null);
  // Open where there is room for it; folded on phones (the agent opens it).
  useEffect(() => {
    if (details.current && window.matchMedia("(min-width: 1280px)").matches) details.current.open = true;
  }, []);
  const postings = order.data?.postings ?? [];
  if (order.isSuccess && postings.length === 0 && !order.data.notice) return null;

  return (
    <details ref={details} data-testid="order-panel" className="border-b border-slate-200 bg-white xl:w-80 xl:shrink-0 xl:overflow-y-auto xl:border-b-0 xl:border-l">
      <summary className="cursor-pointer px-4 py-2 text-sm font-semibold focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-700">
        {t.orderPanel}
        {postings[0] && <span className="ml-2 font-normal text-slate-700">{postings.map((p) => p.postingNumber).join(", ")}</span>}
      </summary>
      <div className="space-y-4 px-4 pb-4">
        {order.isPending && (
          <p role="status" className="text-sm text-slate-700">
            {t.orderLoading}
          </p>
        )}
        {order.isError && <p className="text-sm text-red-900">{t.orderUnavailable}</p>}
        {order.data?.notice && <p className="text-sm text-amber-900">{t.orderUnavailable}</p>}
        {postings.map((posting) => (
          <PostingCard key={posting.postingNumber} t={t} locale={locale} accountId={accountId} posting={posting} />
        ))}
      </div>
    </details>
  );
}

function PostingCard({ t, locale, accountId, posting }: { t: InboxStrings; locale: Locale; accountId: string; posting: ChatPostingView }) {
  return (
    <section aria-label={t.postingHeading(posting.postingNumber)} className="text-sm">
      <h3 className="font-semibold">{t.postingHeading(posting.postingNumber)}</h3>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        <dt className="text-slate-700">{t.postingStatus}</dt>
        <dd>{postingStatusWords(posting.status, locale)}</dd>
        <dt className="text-slate-700">{t.postingScheme}</dt>
        <dd>{schemeLabel(posting.scheme, locale)}</dd>
        {DATES.filter(({ key }) => posting[key]).map(({ key, label }) => (
          <div key={key} className="contents">
            <dt className="text-slate-700">{t[label]}</dt>
            <dd>
              <time dateTime={posting[key]!} suppressHydrationWarning>
                {formatDateTime(locale, posting[key]!)}
              </time>
            </dd>
          </div>
        ))}
      </dl>
      <h4 className="mt-2 font-medium">{t.postingProducts}</h4>
      <ul className="mt-1 space-y-2">
        {posting.products.map((product) => (
          <li key={`${product.sku}-${product.offerId ?? ""}`} className="flex gap-2">
            {product.imageUrl && <FallbackImage t={t} src={product.imageUrl} alt={product.name} className="h-12 w-12 shrink-0 rounded border border-slate-200 object-cover" />}
            <span>
              <span className="block">{product.name}</span>
              <span className="block text-xs text-slate-700">
                {t.productLine(product.quantity, product.sku)}
                {product.price ? ` · ${formatPrice(locale, product.price, product.currencyCode)}` : ""}
              </span>
            </span>
          </li>
        ))}
      </ul>
      <Link href={orderHref(accountId, posting.postingNumber)} className="mt-2 inline-block text-blue-800 underline">
        {t.openOrderPage}
      </Link>
    </section>
  );
}
