/**
 * This process's push intake as its background processing sees it: while pushes keep arriving, applying them waits,
 * so the receiver's answers get the CPU first (Ozon allows 5 s and suspends a push URL that misses it; the stored
 * events lose nothing by waiting). Process-local by design: it shares out this process's CPU and coordinates nothing
 * between instances (each instance defers its own processing to its own intake).
 */

/** The intake counts as quiet once no push has been received or answered for this long. */
const QUIET_MS = 25;
/** Processing waits at most this long at one step, so it still moves (slowly) during an endless flood. */
const MAX_DEFER_MS = 500;

type Intake = { inFlight: number; lastActivityAt: number };
const globalForIntake = globalThis as typeof globalThis & { __sellerInboxPushIntake?: Intake };
const intake = (globalForIntake.__sellerInboxPushIntake ??= { inFlight: 0, lastActivityAt: Number.NEGATIVE_INFINITY });

/** Runs one push's reception, counted as intake activity while it lasts. */
export async function trackPushIntake<T>(receive: () => Promise<T>): Promise<T> {
  intake.inFlight++;
  intake.lastActivityAt = performance.now();
  try {
    return await receive();
  } finally {
    intake.inFlight--;
    intake.lastActivityAt = performance.now();
  }
}

/** Resolves once the intake is quiet (no push in flight, none for QUIET_MS), or after MAX_DEFER_MS. */
export async function waitForQuietIntake(): Promise<void> {
  const deadline = performance.now() + MAX_DEFER_MS;
  for (;;) {
    const now = performance.now();
    const quietIn = intake.inFlight > 0 ? QUIET_MS : intake.lastActivityAt + QUIET_MS - now;
    if (quietIn <= 0 || now >= deadline) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(quietIn, deadline - now)));
  }
}
