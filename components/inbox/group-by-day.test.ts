import { describe, expect, it } from "vitest";
import { groupByDay, localDayKey } from "./group-by-day";

describe("groupByDay", () => {
  const utc = (iso: string) => localDayKey(iso, "UTC");

  it("groups consecutive messages of one day", () => {
    const items = [
      { id: 1, createdAt: "2026-11-20T09:00:00Z" },
      { id: 2, createdAt: "2026-11-20T23:59:00Z" },
      { id: 3, createdAt: "2026-11-21T00:01:00Z" },
    ];
    expect(groupByDay(items, utc)).toEqual([
      { day: "2026-11-20", items: [items[0], items[1]] },
      { day: "2026-11-21", items: [items[2]] },
    ]);
  });

  it("uses the time zone for the day boundary", () => {
    // 22:30 UTC is already the next day in Moscow (UTC+3).
    expect(localDayKey("2026-11-20T22:30:00Z", "Europe/Moscow")).toBe("2026-11-21");
    expect(localDayKey("2026-11-20T22:30:00Z", "UTC")).toBe("2026-11-20");
  });

  it("without a zone, the day is the one of the zone the browser (here: the process) is in", () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ["Asia/Vladivostok", "America/Los_Angeles", "UTC"]) {
        process.env.TZ = zone;
        for (const iso of ["2026-11-20T13:59:00Z", "2026-11-20T14:01:00Z", "2026-12-31T23:30:00Z", "2026-03-08T07:30:00Z"]) {
          expect(localDayKey(iso)).toBe(localDayKey(iso, zone));
        }
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("returns nothing for nothing", () => {
    expect(groupByDay([], utc)).toEqual([]);
  });
});
