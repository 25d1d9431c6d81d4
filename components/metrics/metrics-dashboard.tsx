"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { fetchJson } from "@/components/fetch-json";
import { describeApiError } from "@/components/i18n/describe-api-error";
import { formatDateTime } from "@/components/i18n/format";
import { useLocale, useMessages } from "@/components/i18n/locale-provider";
import { queryKeys } from "@/components/query-keys";
import type { MetricsReport } from "@/lib/metrics/get-metrics-report";
import { BarChart } from "./bar-chart";
import { formatCount, formatDuration, formatPercent } from "./format-metrics";
import { HourOfWeekHeatmap } from "./hour-of-week-heatmap";
import { DEFINITION_KEYS, metricsMessages } from "./messages";
import { AgentTable } from "./agent-table";
import { OzonComparison } from "./ozon-comparison";

type Range = "today" | "7d" | "30d" | "custom";

function metricsQuery(range: Range, from: string, to: string): string {
  const q = new URLSearchParams({ range });
  if (range === "custom") {
    q.set("from", from);
    q.set("to", to);
  }
  return q.toString();
}

/** The manager's view of one account: summary, Ozon's rating beside ours, charts, the agent table and its CSV. */
export function MetricsDashboard({ accountId, isAdmin, today }: { accountId: string; isAdmin: boolean; today: string }) {
  const t = useMessages(metricsMessages);
  const locale = useLocale();
  const [range, setRange] = useState<Range>("30d");
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [applied, setApplied] = useState(() => metricsQuery("30d", today, today));
  const rangeName = useId();

  const report = useQuery({
    queryKey: queryKeys.account(accountId).metrics(applied),
    queryFn: () => fetchJson<MetricsReport>(`/api/accounts/${encodeURIComponent(accountId)}/metrics?${applied}`),
    placeholderData: keepPreviousData,
  });

  const choose = (next: Range) => {
    setRange(next);
    if (next !== "custom") setApplied(metricsQuery(next, from, to));
  };
  const data = report.data;
  const team = data?.metrics.team;
  const feedback = data?.feedback;
  const dash = t.noValue;
  const dur = (s: number | null) => formatDuration(locale, s, dash);
  const heatmapBase = {
    cells: data?.metrics.byHourOfWeek ?? [],
    weekdays: t.weekdays.split(","),
    hourHeader: t.hourLabel,
    emptyText: t.chartEmpty,
  };

  return (
    <div className="flex flex-col gap-6">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          setApplied(metricsQuery(range, from, to));
        }}
      >
        <fieldset className="flex flex-wrap gap-1">
          <legend className="mb-1 text-sm text-slate-700">{t.rangeLegend}</legend>
          {(
            [
              ["today", t.rangeToday],
              ["7d", t.range7d],
              ["30d", t.range30d],
              ["custom", t.rangeCustom],
            ] as const
          ).map(([value, label]) => (
            <label
              key={value}
              className={`cursor-pointer rounded-md border px-3 py-1.5 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-blue-600 ${range === value ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}
            >
              <input type="radio" name={rangeName} value={value} checked={range === value} onChange={() => choose(value)} className="sr-only" />
              {label}
            </label>
          ))}
        </fieldset>
        {range === "custom" ? (
          <div className="flex flex-wrap items-end gap-2">
            <label className="flex flex-col text-sm text-slate-700">
              {t.from}
              <input type="date" required value={from} max={today} onChange={(e) => setFrom(e.target.value)} className="rounded-md border border-slate-300 px-2 py-1" />
            </label>
            <label className="flex flex-col text-sm text-slate-700">
              {t.to}
              <input type="date" required value={to} max={today} onChange={(e) => setTo(e.target.value)} className="rounded-md border border-slate-300 px-2 py-1" />
            </label>
            <button type="submit" className="rounded-md bg-blue-700 px-3 py-1.5 text-sm text-white hover:bg-blue-800">
              {t.apply}
            </button>
          </div>
        ) : null}
      </form>

      {report.isPending ? (
        <p role="status">{t.loading}</p>
      ) : report.isError && !data ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm">
          <p>{t.loadFailed} {describeApiError(locale, report.error)}</p>
          <button type="button" onClick={() => void report.refetch()} className="mt-2 rounded-md border border-slate-300 bg-white px-3 py-1 text-sm">
            {t.tryAgain}
          </button>
        </div>
      ) : data && team && feedback ? (
        <>
          {report.isError ? (
            <p role="alert" className="text-sm text-red-700">
              {t.loadFailed} {describeApiError(locale, report.error)}
            </p>
          ) : null}
          <p className="text-sm text-slate-600" aria-live="polite">
            {t.rangeLine(formatDateTime(locale, data.range.from), formatDateTime(locale, data.range.to))}
          </p>
          {data.scope === "agent" ? <p className="text-sm text-slate-600">{t.ownFiguresNote}</p> : null}

          <section aria-labelledby="metrics-summary">
            <h2 id="metrics-summary" className="mb-2 text-lg font-semibold">
              {t.summary}
            </h2>
            <FigureTiles
              figures={[
                [t.firstResponse, dur(team.firstResponseSeconds)],
                [t.avgResponse, dur(team.avgResponseSeconds)],
                [t.medianResponse, dur(team.medianResponseSeconds)],
                [t.within24h, formatPercent(locale, team.repliedWithin24hPercent, dash)],
                [t.chatsHandled, formatCount(locale, team.chatsHandled)],
                [t.messagesSent, formatCount(locale, team.messagesSent)],
                ...(team.windowsClosedUnanswered === null ? [] : [[t.windowsClosed, formatCount(locale, team.windowsClosedUnanswered)]]),
                ...(team.buyerMessages === null ? [] : [[t.buyerMessages, formatCount(locale, team.buyerMessages)]]),
              ]}
            />
            {data.scope === "team" && team.turns > team.answered ? (
              <p className="mt-1 text-xs text-slate-600">{t.unanswered(team.turns - team.answered)}</p>
            ) : null}
          </section>

          <section aria-labelledby="metrics-feedback" data-testid="metrics-feedback">
            <h2 id="metrics-feedback" className="mb-2 text-lg font-semibold">
              {t.feedbackTitle}
            </h2>
            <FigureTiles
              figures={[
                [t.questionsAnswered, formatPercent(locale, feedback.question.answeredPercent, dash), t.answeredOf(feedback.question.answered, feedback.question.items)],
                [t.questionMedian, dur(feedback.question.medianAnswerSeconds)],
                [t.reviewsAnswered, formatPercent(locale, feedback.review.answeredPercent, dash), t.answeredOf(feedback.review.answered, feedback.review.items)],
                [t.reviewMedian, dur(feedback.review.medianAnswerSeconds)],
              ]}
            />
          </section>

          {isAdmin && data.ozonWindow ? <OzonComparison accountId={accountId} ours={data.ozonWindow} /> : null}

          <section aria-labelledby="metrics-by-day" className="grid gap-4 md:grid-cols-2">
            <h2 id="metrics-by-day" className="text-lg font-semibold md:col-span-2">
              {t.byDay}
            </h2>
            {data.scope === "team" ? (
              <BarChart
                title={t.load}
                labelHeader={t.dayLabel}
                labels={data.metrics.byDay.map((d) => d.day.slice(5))}
                values={data.metrics.byDay.map((d) => d.buyerMessages)}
                format={(v) => formatCount(locale, v, dash)}
                emptyText={t.chartEmpty}
              />
            ) : null}
            <BarChart
              title={t.responseTime}
              labelHeader={t.dayLabel}
              labels={data.metrics.byDay.map((d) => d.day.slice(5))}
              values={data.metrics.byDay.map((d) => d.avgResponseSeconds)}
              format={dur}
              emptyText={t.chartEmpty}
              color="#0f766e"
            />
          </section>

          <section aria-labelledby="metrics-by-hour" className="grid gap-4 md:grid-cols-2">
            <h2 id="metrics-by-hour" className="text-lg font-semibold md:col-span-2">
              {t.byHour}
            </h2>
            {data.scope === "team" ? (
              <HourOfWeekHeatmap {...heatmapBase} title={t.load} value={(c) => c.buyerMessages} format={(v) => formatCount(locale, v, dash)} />
            ) : null}
            <HourOfWeekHeatmap {...heatmapBase} title={t.responseTime} value={(c) => c.avgResponseSeconds} format={dur} />
          </section>

          <AgentTable accountId={accountId} query={applied} rows={data.metrics.agents} />

          <details className="rounded-md border border-slate-200 bg-white p-3 text-sm">
            <summary className="cursor-pointer font-medium">{t.definitions}</summary>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
              {DEFINITION_KEYS.map((key) => (
                <li key={key}>{t[key]}</li>
              ))}
            </ul>
          </details>
        </>
      ) : null}
    </div>
  );
}

/** A row of figures: each its label, its value and, below, what it counts (optional). */
function FigureTiles({ figures }: { figures: string[][] }) {
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      {figures.map(([label, value, detail]) => (
        <div key={label} className="rounded-md border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-600">{label}</dt>
          <dd className="text-xl font-semibold tabular-nums">{value}</dd>
          {detail ? <dd className="text-xs text-slate-600">{detail}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
