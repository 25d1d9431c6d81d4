"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import { describeApiError } from "@/components/i18n/describe-api-error";
import { useLocale, useMessages } from "@/components/i18n/locale-provider";
import { queryKeys } from "@/components/query-keys";
import { compareWithOzon } from "@/lib/metrics/compare-with-ozon";
import type { OzonChatRating } from "@/lib/metrics/get-ozon-chat-ratings";
import type { TeamMetrics } from "@/lib/metrics/load-account-metrics";
import type { ChatRating } from "@/lib/ozon/rating-names";
import { formatDuration, formatPercent } from "./format-metrics";
import { metricsMessages } from "./messages";

const ORDER: readonly ChatRating[] = ["rating_reaction_time", "rating_average_response_time", "rating_replied_dialogs_ratio"];

/** Ozon's chat ratings now beside ours for Ozon's window (the last 30 days), and why they may differ. */
export function OzonComparison({ accountId, ours }: { accountId: string; ours: TeamMetrics }) {
  const t = useMessages(metricsMessages);
  const locale = useLocale();
  const ozon = useQuery({
    queryKey: queryKeys.account(accountId).ozonRatings(),
    queryFn: () => fetchJson<{ ratings: OzonChatRating[] }>(`/api/accounts/${encodeURIComponent(accountId)}/metrics/ozon`),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const names: Record<ChatRating, string> = {
    rating_reaction_time: t.firstResponse,
    rating_average_response_time: t.avgResponse,
    rating_replied_dialogs_ratio: t.within24h,
  };
  const statusWord = (status: string) =>
    status === "OK" ? t.statusOK : status === "WARNING" ? t.statusWARNING : status === "CRITICAL" ? t.statusCRITICAL : t.statusUnknown;
  const statusClass = (status: string) =>
    status === "OK" ? "bg-green-100 text-green-900" : status === "WARNING" ? "bg-amber-100 text-amber-900" : status === "CRITICAL" ? "bg-red-100 text-red-900" : "bg-slate-100";
  const show = (rating: ChatRating, v: number | null) =>
    rating === "rating_replied_dialogs_ratio" ? formatPercent(locale, v, t.noValue) : formatDuration(locale, v, t.noValue);
  const rows = ORDER.map((rating) => {
    const item = ozon.data?.ratings.find((r) => r.rating === rating) ?? null;
    return { rating, item, comparison: compareWithOzon(rating, ours, item ? item.currentValue : null) };
  });
  const anyDiffers = rows.some((r) => r.item && r.comparison.differs);
  return (
    <section aria-labelledby="metrics-ozon">
      <h2 id="metrics-ozon" className="mb-1 text-lg font-semibold">
        {t.ozonTitle}
      </h2>
      <p className="mb-2 text-sm text-slate-600">{t.ozonIntro}</p>
      {ozon.isError ? (
        <p role="status" className="mb-2 text-sm text-amber-800">
          {t.ozonFailed(describeApiError(locale, ozon.error))}
        </p>
      ) : null}
      {ozon.isPending ? (
        <p role="status" className="mb-2 text-sm text-slate-600">
          {t.ozonLoading}
        </p>
      ) : null}
      <div className="overflow-x-auto rounded-md border border-slate-200 bg-white" role="region" aria-labelledby="metrics-ozon" tabIndex={0}>
        <table className="w-full min-w-[32rem] text-sm">
          <thead className="bg-slate-50 text-left text-xs text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">{t.ozonRating}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t.ozonValue}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t.ourValue}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t.difference}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ rating, item, comparison }) => (
              <tr key={rating} className="border-t border-slate-100" data-rating={rating}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {names[rating]}
                  <span className="block text-xs font-normal text-slate-500">{item?.name ?? rating}</span>
                </th>
                <td className="px-3 py-2 tabular-nums">{item ? show(rating, item.currentValue) : ozon.isSuccess ? t.ozonMissing : t.noValue}</td>
                <td className="px-3 py-2 tabular-nums">{show(rating, comparison.ours)}</td>
                <td className="px-3 py-2 tabular-nums">
                  {comparison.difference === null ? t.noValue : comparison.differs ? show(rating, comparison.difference) : t.same}
                </td>
                <td className="px-3 py-2">
                  {item ? <span className={`rounded px-2 py-0.5 text-xs ${statusClass(item.status)}`}>{statusWord(item.status)}</span> : t.noValue}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {anyDiffers ? <p className="mt-2 text-sm text-slate-700">{t.whyDifferent}</p> : null}
    </section>
  );
}
