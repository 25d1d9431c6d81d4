import { describe, expect, it } from "vitest";
import { formatQueueCount } from "./format-queue-count";

describe("formatQueueCount", () => {
  it("shows a count below the cap as it is, and the cap as more than the one below it", () => {
    expect(formatQueueCount(0, 1000)).toBe("0");
    expect(formatQueueCount(999, 1000)).toBe("999");
    expect(formatQueueCount(1000, 1000)).toBe("999+");
    expect(formatQueueCount(5, 5)).toBe("4+");
  });
});
