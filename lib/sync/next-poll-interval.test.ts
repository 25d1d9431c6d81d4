import { describe, expect, it } from "vitest";

import { nextPollIntervalMs } from "./next-poll-interval";

const base = { baseMs: 15_000, maxMs: 300_000 };

describe("nextPollIntervalMs", () => {
  it("doubles while pushes arrive, up to the maximum", () => {
    let ms: number | null = null;
    const seen: number[] = [];
    for (let i = 0; i < 7; i++) {
      ms = nextPollIntervalMs({ ...base, previousMs: ms, pushedSincePreviousPoll: true });
      seen.push(ms);
    }
    expect(seen).toEqual([30_000, 60_000, 120_000, 240_000, 300_000, 300_000, 300_000]);
  });

  it("goes back to the base at once when no push came", () => {
    expect(nextPollIntervalMs({ ...base, previousMs: 240_000, pushedSincePreviousPoll: false })).toBe(15_000);
    expect(nextPollIntervalMs({ ...base, previousMs: null, pushedSincePreviousPoll: false })).toBe(15_000);
  });

  it("never goes below the base, even with a stale stored pause or a maximum under the base", () => {
    expect(nextPollIntervalMs({ ...base, previousMs: 1_000, pushedSincePreviousPoll: true })).toBe(15_000);
    expect(nextPollIntervalMs({ baseMs: 60_000, maxMs: 10_000, previousMs: 60_000, pushedSincePreviousPoll: true })).toBe(60_000);
  });
});
