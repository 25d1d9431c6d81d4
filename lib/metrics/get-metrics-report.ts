import type { Db } from "@/lib/db/client";

import { loadAccountMetrics, type AccountMetrics, type TeamMetrics } from "./load-account-metrics";
import { loadFeedbackMetrics, type FeedbackMetrics } from "./load-feedback-metrics";
import { metricsRangeQuerySchema, resolveMetricsRange, type MetricsRange } from "./resolve-metrics-range";

export type MetricsReport = {
  /** "team": an administrator's view (team, every agent, the seller portal); "agent": the user's own figures. */
  scope: "team" | "agent";
  range: { kind: MetricsRange["kind"]; from: string; to: string; timeZone: string };
  metrics: AccountMetrics;
  /** Product questions and reviews of the same range: answered share and median time to answer (an agent's own answers). */
  feedback: FeedbackMetrics;
  /** The team's figures for Ozon's window (the last 30 × 24 h), to set beside Ozon's ratings; null for an agent. */
  ozonWindow: TeamMetrics | null;
  generatedAt: string;
};

/**
 * What the metrics page shows for an account and a range (query: `range`, `from`, `to`; see resolveMetricsRange).
 * Administrators see the team; anyone else only their own figures. Callers have checked the user's right to the account.
 */
export async function getMetricsReport(
  db: Db,
  input: { accountId: string; user: { id: string; role: "ADMIN" | "AGENT" }; query: Record<string, string>; now?: Date },
): Promise<MetricsReport> {
  const query = metricsRangeQuerySchema.parse(input.query);
  const now = input.now ?? new Date();
  const range = resolveMetricsRange(query, now);
  const team = input.user.role === "ADMIN";
  const agentId = team ? null : input.user.id;
  const [metrics, feedback, ozonWindow] = await Promise.all([
    loadAccountMetrics(db, { accountId: input.accountId, range, now, agentId }),
    loadFeedbackMetrics(db, { accountId: input.accountId, range, agentId }),
    team && range.kind !== "30d"
      ? loadAccountMetrics(db, { accountId: input.accountId, range: resolveMetricsRange({ range: "30d" }, now), now })
      : null,
  ]);
  return {
    scope: team ? "team" : "agent",
    range: { kind: range.kind, from: range.from.toISOString(), to: range.to.toISOString(), timeZone: range.timeZone },
    metrics,
    feedback,
    ozonWindow: team ? (ozonWindow ?? metrics).team : null,
    generatedAt: now.toISOString(),
  };
}
