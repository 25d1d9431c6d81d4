import { describe, expect, it } from "vitest";
import { batchWhileBusy } from "./batch-while-busy";

describe("batchWhileBusy", () => {
  it("runs the first call alone, gathers the calls that arrive meanwhile into one batch, answers each its own output", async () => {
    const batches: number[][] = [];
    let release: () => void = () => {};
    const double = batchWhileBusy(async (inputs: number[]) => {
      batches.push(inputs);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return inputs.map((n) => n * 2);
    }, 3);
    const first = double(1);
    const rest = [2, 3, 4, 5].map((n) => double(n));
    release();
    expect(await Promise.all([first, ...rest])).toEqual([2, 4, 6, 8, 10]);
    // At most 3 a batch: the four that waited went in two.
    expect(batches).toEqual([[1], [2, 3, 4], [5]]);
  });

  it("a failed batch rejects each of its calls; the next batch runs", async () => {
    let calls = 0;
    const run = batchWhileBusy(async (inputs: string[]) => {
      calls++;
      if (inputs.includes("bad")) throw new Error("refused");
      return inputs.map((s) => s.toUpperCase());
    }, 10);
    await expect(run("bad")).rejects.toThrow("refused");
    expect(await run("ok")).toBe("OK");
    expect(calls).toBe(2);
  });
});
