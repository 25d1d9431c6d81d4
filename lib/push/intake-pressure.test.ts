import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { trackPushIntake, waitForQuietIntake } from "./intake-pressure";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance", "Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts a wait and says whether it has ended. */
function startWait() {
  const wait = { ended: false };
  void waitForQuietIntake().then(() => (wait.ended = true));
  return wait;
}

it("processing waits while a push is being received, and until the intake has been quiet a moment", async () => {
  await vi.advanceTimersByTimeAsync(1_000); // no push for long: quiet
  const idle = startWait();
  await vi.advanceTimersByTimeAsync(0);
  expect(idle.ended).toBe(true);

  let answer!: () => void;
  const receiving = trackPushIntake(() => new Promise<void>((resolve) => (answer = resolve)));
  const wait = startWait();
  await vi.advanceTimersByTimeAsync(200);
  expect(wait.ended).toBe(false);
  answer();
  await receiving;
  await vi.advanceTimersByTimeAsync(10);
  expect(wait.ended).toBe(false);
  await vi.advanceTimersByTimeAsync(20);
  expect(wait.ended).toBe(true);
});

it("an endless flood defers processing at most half a second at a step, so it still moves", async () => {
  let answer!: () => void;
  const receiving = trackPushIntake(() => new Promise<void>((resolve) => (answer = resolve)));
  const wait = startWait();
  await vi.advanceTimersByTimeAsync(490);
  expect(wait.ended).toBe(false);
  await vi.advanceTimersByTimeAsync(20);
  expect(wait.ended).toBe(true);
  answer();
  await receiving;
});
