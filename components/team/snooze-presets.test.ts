import { describe, expect, it } from "vitest";
import { snoozePresets, toLocalInputValue } from "./snooze-presets";

describe("snoozePresets", () => {
  it("tomorrow and next Monday at 9:00 local time; a Monday's next week is the Monday after", () => {
    const saturday = new Date(2026, 11, 5, 22, 30);
    const p = snoozePresets(saturday);
    expect(toLocalInputValue(p.tomorrow)).toBe("2026-12-06T09:00");
    expect(toLocalInputValue(p.nextWeek)).toBe("2026-12-07T09:00");
    expect(p.oneHour.getTime() - saturday.getTime()).toBe(3_600_000);
    expect(toLocalInputValue(snoozePresets(new Date(2026, 11, 7, 8, 0)).nextWeek)).toBe("2026-12-14T09:00");
  });
});
