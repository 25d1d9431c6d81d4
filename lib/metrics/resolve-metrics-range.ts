import { z } from "zod";

import { SELLER_TIME_ZONE } from "./metrics-time-zone";

const METRICS_RANGES = ["today", "7d", "30d", "custom"] as const;
export type MetricsRangeKind = (typeof METRICS_RANGES)[number];

const DAY_MS = 86_400_000;
/** A custom range may span at most this many days (the page's SQL reads every message of the range). */
const MAX_CUSTOM_DAYS = 92;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date, YYYY-MM-DD" });

/** The page's query: `range` and, for `custom`, `from`/`to` as days of the seller's calendar (both included). */
export const metricsRangeQuerySchema = z
  .object({
    range: z.enum(METRICS_RANGES).default("30d"),
    from: isoDay.optional(),
    to: isoDay.optional(),
  })
  .refine((q) => q.range !== "custom" || (q.from !== undefined && q.to !== undefined), {
    error: "a custom range needs from and to",
  })
  .refine((q) => q.range !== "custom" || q.from! <= q.to!, { error: "from must not be after to" })
  .refine((q) => q.range !== "custom" || daysBetween(q.from!, q.to!) < MAX_CUSTOM_DAYS, {
    error: `a custom range may span at most ${MAX_CUSTOM_DAYS} days`,
  });
export type MetricsRangeQuery = z.output<typeof metricsRangeQuerySchema>;

export type MetricsRange = { kind: MetricsRangeKind; from: Date; to: Date; timeZone: string };

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The offset of `timeZone` from UTC at `at`, in ms (Moscow: +3 h). */
function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a calendar day (YYYY-MM-DD) starts in `timeZone`. */
export function startOfZonedDay(day: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const guess = new Date(utcMidnight - zoneOffsetMs(new Date(utcMidnight), timeZone));
  return new Date(utcMidnight - zoneOffsetMs(guess, timeZone));
}

/** The calendar day (YYYY-MM-DD) of an instant in `timeZone`. */
export function zonedDay(at: Date, timeZone: string): string {
  return new Date(at.getTime() + zoneOffsetMs(at, timeZone)).toISOString().slice(0, 10);
}

/**
 * The instants of a range: `today` from the seller's midnight to now; `7d` and `30d` the last 7 or 30 × 24 hours up
 * to now (Ozon's ratings count "the last 30 days" so); `custom` from the seller's midnight of `from` to the one after
 * `to` (not beyond now).
 */
export function resolveMetricsRange(query: MetricsRangeQuery, now: Date, timeZone = SELLER_TIME_ZONE): MetricsRange {
  switch (query.range) {
    case "today":
      return { kind: "today", from: startOfZonedDay(zonedDay(now, timeZone), timeZone), to: now, timeZone };
    case "7d":
      return { kind: "7d", from: new Date(now.getTime() - 7 * DAY_MS), to: now, timeZone };
    case "30d":
      return { kind: "30d", from: new Date(now.getTime() - 30 * DAY_MS), to: now, timeZone };
    case "custom": {
      const from = startOfZonedDay(query.from!, timeZone);
      const end = startOfZonedDay(query.to!, timeZone).getTime() + DAY_MS;
      return { kind: "custom", from, to: new Date(Math.min(end, now.getTime())), timeZone };
    }
  }
}
