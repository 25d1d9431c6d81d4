import { describe, expect, it } from "vitest";
import { findRunStarts } from "./find-run-starts";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 6, 10, minute)).toISOString();
const buyer = (minute: number) => ({ authorType: "customer", sentBy: null, createdAt: at(minute) });
const agent = (minute: number, id: string) => ({ authorType: "seller", sentBy: { id, name: id }, createdAt: at(minute) });

describe("findRunStarts", () => {
  it("starts a run at the first message, at a change of author and after a long pause", () => {
    expect(findRunStarts([buyer(0), buyer(1), buyer(2), agent(3, "a"), agent(4, "a"), buyer(5), buyer(40)])).toEqual([
      true,
      false,
      false,
      true,
      false,
      true,
      true,
    ]);
  });

  it("tells two agents of the seller apart", () => {
    expect(findRunStarts([agent(0, "a"), agent(1, "b"), agent(2, "b")])).toEqual([true, true, false]);
  });

  it("is empty for no messages", () => {
    expect(findRunStarts([])).toEqual([]);
  });
});
