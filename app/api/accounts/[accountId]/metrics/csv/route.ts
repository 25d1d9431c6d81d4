import { metricsMessages } from "@/components/metrics/messages";
import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";
import { getRequestLocale } from "@/lib/i18n/get-request-locale";
import { agentMetricsCsv, type AgentCsvLabels } from "@/lib/metrics/agent-metrics-csv";
import { getMetricsReport } from "@/lib/metrics/get-metrics-report";

/** The per-agent table as text/csv, same query as the figures; headers in the user's language. Agents get their own row. */
export const GET = accountRoute(async ({ request, user, account }) => {
  const report = await getMetricsReport(getDb(), {
    accountId: account.id,
    user,
    query: Object.fromEntries(new URL(request.url).searchParams),
  });
  const t = metricsMessages[getRequestLocale(request.headers)];
  const labels = { columns: t.csvColumns.split(",") as AgentCsvLabels["columns"], portal: t.portal };
  const day = (iso: string) => iso.slice(0, 10);
  return new Response(agentMetricsCsv(report.metrics.agents, labels), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="metrics-${day(report.range.from)}-${day(report.range.to)}.csv"`,
      "cache-control": "no-store",
    },
  });
});
