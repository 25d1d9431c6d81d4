import { describe, expect, it } from "vitest";
import { formatWait } from "./format-wait";
import { teamMessages } from "./messages";

describe("formatWait", () => {
  const now = Date.parse("2026-12-06T12:00:00Z");
  it("minutes, then hours up to two days, then days, in both languages", () => {
    expect(formatWait(teamMessages.en, "2026-12-06T11:55:00Z", now)).toBe("5 min");
    expect(formatWait(teamMessages.en, "2026-12-05T09:00:00Z", now)).toBe("27 h");
    expect(formatWait(teamMessages.ru, "2026-12-03T12:00:00Z", now)).toBe("3 дня");
    expect(formatWait(teamMessages.ru, "2026-12-06T12:01:00Z", now)).toBe("0 мин");
  });
});
