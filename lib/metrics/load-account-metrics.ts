import type { Db } from "@/lib/db/client";

import { catchUpAccountTurns } from "./catch-up-account-turns";
import { ACCOUNT_METRICS_SQL } from "./metrics-sql";
import { ACCOUNT_METRICS_SUMS_SQL } from "./metrics-sums-sql";
import type { MetricsRange } from "./resolve-metrics-range";

/** The figures an agent's row and the team share (seconds; percent 0–100; null = nothing to average). */
type ResponseFigures = {
  /** Turns (buyer waits) started in the range that were answered (for an agent: by their reply). */
  answered: number;
  firstAnswered: number;
  firstResponseSeconds: number | null;
  avgResponseSeconds: number | null;
  medianResponseSeconds: number | null;
  /** Dialogs (a chat's first turn in the range) counted, and those answered within 24 h. */
  dialogs: number;
  dialogsWithin24h: number;
  repliedWithin24hPercent: number | null;
  messagesSent: number;
  chatsHandled: number;
};

/** One agent's row of the table; `agentId` null = messages sent in Ozon's seller portal (the team's, no agent's). */
export type AgentMetrics = ResponseFigures & { agentId: string | null; agentName: string | null };

export type TeamMetrics = ResponseFigures & {
  turns: number;
  firstTurns: number;
  /** Turns whose reply window (48 h from the buyer's last message, approximated) closed before an answer; null for an agent. */
  windowsClosedUnanswered: number | null;
  /** Buyer messages in the range; null for an agent's own figures. */
  buyerMessages: number | null;
};

export type DayMetrics = {
  day: string;
  buyerMessages: number;
  turns: number;
  answered: number;
  avgResponseSeconds: number | null;
  messagesSent: number;
};
/** ISO day of week (1 = Monday) and hour, in the seller's time zone. */
export type HourOfWeekMetrics = { dow: number; hour: number; buyerMessages: number; turns: number; answered: number; avgResponseSeconds: number | null };

export type AccountMetrics = {
  team: TeamMetrics;
  agents: AgentMetrics[];
  byDay: DayMetrics[];
  byHourOfWeek: HourOfWeekMetrics[];
};

type Row = {
  team: Omit<TeamMetrics, "messagesSent" | "chatsHandled" | "buyerMessages" | "repliedWithin24hPercent">;
  team_sent: { messagesSent: number; chatsHandled: number };
  buyer_messages: number;
  agents: Omit<AgentMetrics, "repliedWithin24hPercent">[];
  by_day: DayMetrics[];
  by_hour: HourOfWeekMetrics[];
};

const percent = (part: number, whole: number) => (whole === 0 ? null : (part / whole) * 100);

/** Whether `timeZone` is a whole number of hours from UTC at `at` (then its hours are UTC hours). */
function wholeHourZone(timeZone: string, at: Date): boolean {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName");
  return /^GMT(?:[+-]\d{2}:00)?$/.test(name?.value ?? "");
}

/**
 * The metrics of one account over a range, from the cache (definitions: docs/metrics.md), by one SQL statement, after
 * the account's turns and sums are brought up to date (catchUpAccountTurns): over the kept sums when the range holds
 * every message of the account (it ends after the newest: today, 7 and 30 days) in a whole-hour time zone
 * (ACCOUNT_METRICS_SUMS_SQL), else over the range's turns and messages (ACCOUNT_METRICS_SQL); both give the same
 * figures. `via` chooses (tests). With `agentId`, only that agent's own figures: the turns they answered and the
 * messages they sent.
 */
export async function loadAccountMetrics(
  db: Db,
  input: { accountId: string; range: MetricsRange; now: Date; agentId?: string | null; via?: "sums" | "rows" },
): Promise<AccountMetrics> {
  const agentId = input.agentId ?? null;
  await catchUpAccountTurns(db, input.accountId);
  let via = input.via;
  if (!via) {
    const [newest] = await db.$queryRaw<{ at: Date | null }[]>`SELECT max(last_message_at) AS at FROM chats WHERE account_id = ${input.accountId}`;
    const covered = !newest?.at || newest.at.getTime() < input.range.to.getTime();
    via = covered && wholeHourZone(input.range.timeZone, input.range.from) && wholeHourZone(input.range.timeZone, input.range.to) ? "sums" : "rows";
  }
  // Without JIT: PostgreSQL would compile this long statement's expressions on every request (seconds at the
  // bench's size) to save milliseconds of executing them.
  const [row] = await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL jit = off");
    return tx.$queryRawUnsafe<Row[]>(
      via === "sums" ? ACCOUNT_METRICS_SUMS_SQL : ACCOUNT_METRICS_SQL,
      input.accountId,
      input.range.from.toISOString(),
      input.range.to.toISOString(),
      input.now.toISOString(),
      input.range.timeZone,
      agentId,
    );
  });
  const r = row!;
  const agents = r.agents
    .filter((a) => agentId === null || a.agentId === agentId)
    .map((a) => ({ ...a, repliedWithin24hPercent: percent(a.dialogsWithin24h, a.dialogs) }));
  return {
    team: {
      ...r.team,
      repliedWithin24hPercent: percent(r.team.dialogsWithin24h, r.team.dialogs),
      windowsClosedUnanswered: agentId === null ? r.team.windowsClosedUnanswered : null,
      messagesSent: r.team_sent.messagesSent,
      chatsHandled: r.team_sent.chatsHandled,
      buyerMessages: agentId === null ? r.buyer_messages : null,
    },
    agents,
    byDay: r.by_day,
    byHourOfWeek: r.by_hour,
  };
}
