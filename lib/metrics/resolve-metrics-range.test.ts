import { describe, expect, it } from "vitest";
import { metricsRangeQuerySchema, resolveMetricsRange, startOfZonedDay, zonedDay } from "./resolve-metrics-range";

const now = new Date("2026-12-06T22:30:00Z"); // 01:30 on 7 December in Moscow

describe("metrics ranges", () => {
  it("today starts at Moscow's midnight", () => {
    expect(zonedDay(now, "Europe/Moscow")).toBe("2026-12-07");
    expect(resolveMetricsRange({ range: "today" }, now)).toMatchObject({ from: new Date("2026-12-06T21:00:00Z"), to: now });
  });
  it("7 and 30 days are rolling windows up to now", () => {
    expect(resolveMetricsRange({ range: "30d" }, now).from).toEqual(new Date("2026-11-06T22:30:00Z"));
    expect(resolveMetricsRange({ range: "7d" }, now).from).toEqual(new Date("2026-11-29T22:30:00Z"));
  });
  it("a custom range covers whole Moscow days, never beyond now", () => {
    expect(resolveMetricsRange({ range: "custom", from: "2026-11-01", to: "2026-11-30" }, now)).toMatchObject({
      from: new Date("2026-10-31T21:00:00Z"),
      to: new Date("2026-11-30T21:00:00Z"),
    });
    expect(resolveMetricsRange({ range: "custom", from: "2026-12-01", to: "2026-12-31" }, now).to).toEqual(now);
    expect(startOfZonedDay("2026-06-01", "Europe/Berlin")).toEqual(new Date("2026-05-31T22:00:00Z"));
  });
  it("validates the query", () => {
    expect(metricsRangeQuerySchema.parse({})).toEqual({ range: "30d" });
    expect(metricsRangeQuerySchema.safeParse({ range: "custom", from: "2026-01-01" }).success).toBe(false);
    expect(metricsRangeQuerySchema.safeParse({ range: "custom", from: "2026-13-01x", to: "2026-01-01" }).success).toBe(false);
  });
});
