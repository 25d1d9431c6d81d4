import { afterEach, describe, expect, it, vi } from "vitest";
import "@/lib/auth/testing";
import { createTokenBucket, getAccountLimiter } from "./get-account-limiter";

async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe("per-account rate limiter", () => {
  afterEach(() => vi.useRealTimers());

  it("lets a small burst through, then spaces requests at the rate", async () => {
    vi.useFakeTimers();
    let clock = 0;
    const bucket = createTokenBucket(40, () => clock); // burst of 4, then one every 25 ms
    for (let i = 0; i < 4; i++) expect(await settled(bucket.acquire())).toBe(true);
    const fifth = bucket.acquire();
    const sixth = bucket.acquire();
    expect(await settled(fifth)).toBe(false);
    clock += 25;
    await vi.advanceTimersByTimeAsync(25);
    expect(await settled(fifth)).toBe(true);
    expect(await settled(sixth)).toBe(false);
    clock += 25;
    await vi.advanceTimersByTimeAsync(25);
    expect(await settled(sixth)).toBe(true);
  });

  it("never grants more than the rate plus the burst in any second", async () => {
    vi.useFakeTimers();
    let clock = 0;
    const bucket = createTokenBucket(40, () => clock);
    const grantedAt: number[] = [];
    const waits = Array.from({ length: 200 }, () => bucket.acquire().then(() => grantedAt.push(clock)));
    for (let step = 0; step < 600; step++) {
      clock += 10;
      await vi.advanceTimersByTimeAsync(10);
    }
    await Promise.all(waits);
    for (const start of grantedAt) {
      expect(grantedAt.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(44);
    }
  });

  it("is one limiter per Client-Id in the process", () => {
    expect(getAccountLimiter("111")).toBe(getAccountLimiter("111"));
    expect(getAccountLimiter("111")).not.toBe(getAccountLimiter("222"));
  });
});
