import { describe, expect, it } from "vitest";
import { formatDuration, formatPercent } from "./format-metrics";

describe("metrics formats", () => {
  it("durations", () => {
    expect(formatDuration("en", null)).toBe("—");
    expect(formatDuration("en", 44.6)).toBe("45 s");
    expect(formatDuration("en", 600.4)).toBe("10 min");
    expect(formatDuration("ru", 7500)).toBe("2 ч 05 мин");
    expect(formatDuration("en", 30 * 3600)).toBe("30 h 00 min");
    expect(formatDuration("ru", 3 * 86400 + 4 * 3600)).toBe("3 д 4 ч");
    expect(formatDuration("en", -120)).toBe("−2 min");
  });
  it("percents", () => {
    expect(formatPercent("en", 100 / 3)).toBe("33.3 %");
    expect(formatPercent("ru", 100 / 3)).toBe("33,3 %");
    expect(formatPercent("en", null)).toBe("—");
  });
});
