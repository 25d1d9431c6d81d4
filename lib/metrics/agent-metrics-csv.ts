import type { AgentMetrics } from "./load-account-metrics";

export type AgentCsvLabels = {
  columns: [agent: string, answered: string, firstResponse: string, avgResponse: string, medianResponse: string, within24h: string, chatsHandled: string, messagesSent: string];
  portal: string;
};

/** A CSV field: quoted when it holds a separator, a quote or a line break; a leading =+-@ is defused for spreadsheets. */
function field(value: string | number | null): string {
  if (value === null) return "";
  let text = typeof value === "number" ? String(Math.round(value * 100) / 100) : value;
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The per-agent table as CSV (RFC 4180, CRLF, UTF-8 with a BOM so spreadsheets read Cyrillic): times in seconds, shares in percent. */
export function agentMetricsCsv(rows: readonly AgentMetrics[], labels: AgentCsvLabels): string {
  const lines = [labels.columns.map(field).join(",")];
  for (const r of rows) {
    lines.push(
      [
        r.agentId === null ? labels.portal : (r.agentName ?? r.agentId),
        r.answered,
        r.firstResponseSeconds,
        r.avgResponseSeconds,
        r.medianResponseSeconds,
        r.repliedWithin24hPercent,
        r.chatsHandled,
        r.messagesSent,
      ]
        .map(field)
        .join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
