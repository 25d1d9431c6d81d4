import { describe, expect, it } from "vitest";
import { compareIds } from "./use-chat-messages";

describe("compareIds", () => {
  it("orders uint64 decimal ids beyond 2^53 exactly", () => {
    expect(compareIds("3000000000000000001", "3000000000000000002")).toBeLessThan(0);
    expect(compareIds("3000000000000000002", "3000000000000000001")).toBeGreaterThan(0);
    expect(compareIds("999", "1000")).toBeLessThan(0);
    expect(compareIds("42", "42")).toBe(0);
  });
});
