"use client";

import { useLocale, useMessages } from "@/components/i18n/locale-provider";
import type { AgentMetrics } from "@/lib/metrics/load-account-metrics";
import { formatCount, formatDuration, formatPercent } from "./format-metrics";
import { metricsMessages } from "./messages";

/** One row an agent (and one for replies from Ozon's seller portal), with the CSV of the same rows. */
export function AgentTable({ accountId, query, rows }: { accountId: string; query: string; rows: readonly AgentMetrics[] }) {
  const t = useMessages(metricsMessages);
  const locale = useLocale();
  const dur = (s: number | null) => formatDuration(locale, s, t.noValue);
  const headers = [t.agent, t.answered, t.firstResponse, t.avgResponse, t.medianResponse, t.within24h, t.chatsHandled, t.messagesSent];
  return (
    <section aria-labelledby="metrics-agents">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id="metrics-agents" className="text-lg font-semibold">
          {t.agents}
        </h2>
        <a
          href={`/api/accounts/${encodeURIComponent(accountId)}/metrics/csv?${query}`}
          download
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
        >
          {t.exportCsv}
        </a>
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t.noAgents}</p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white" role="region" aria-labelledby="metrics-agents" tabIndex={0}>
          <table className="w-full min-w-[40rem] text-sm">
            <thead className="bg-slate-50 text-left text-xs text-slate-600">
              <tr>
                {headers.map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.agentId ?? "portal"} className="border-t border-slate-100">
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {r.agentId === null ? t.portal : (r.agentName ?? r.agentId)}
                  </th>
                  <td className="px-3 py-2 tabular-nums">{formatCount(locale, r.answered)}</td>
                  <td className="px-3 py-2 tabular-nums">{dur(r.firstResponseSeconds)}</td>
                  <td className="px-3 py-2 tabular-nums">{dur(r.avgResponseSeconds)}</td>
                  <td className="px-3 py-2 tabular-nums">{dur(r.medianResponseSeconds)}</td>
                  <td className="px-3 py-2 tabular-nums">{formatPercent(locale, r.repliedWithin24hPercent, t.noValue)}</td>
                  <td className="px-3 py-2 tabular-nums">{formatCount(locale, r.chatsHandled)}</td>
                  <td className="px-3 py-2 tabular-nums">{formatCount(locale, r.messagesSent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
