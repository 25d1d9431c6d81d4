import type { Db } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { addressAttemptKey, emailAttemptKey, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_EMAIL, SIGN_IN_WINDOW_MS } from "./sign-in-limits";

type Limit = { key: string; max: number; what: string };

/**
 * Refuses a sign-in while the email or the address has had too many failures in the last 15 minutes (failures
 * before the key's last success do not count). The counts live in PostgreSQL, so every app instance sees them.
 * Checked before the password, so a locked-out email stays locked even with the right password.
 */
export async function assertSignInAllowed(db: Db, input: { email: string; address: string }, now = new Date()): Promise<void> {
  const limits: Limit[] = [
    { key: emailAttemptKey(input.email), max: MAX_FAILURES_PER_EMAIL, what: "for this email" },
    { key: addressAttemptKey(input.address), max: MAX_FAILURES_PER_ADDRESS, what: "from this network address" },
  ];
  for (const limit of limits) {
    const windowStart = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
    const lastSuccess = await db.signInAttempt.findFirst({
      where: { key: limit.key, succeeded: true, createdAt: { gte: windowStart } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    const since = lastSuccess && lastSuccess.createdAt > windowStart ? lastSuccess.createdAt : windowStart;
    const failures = await db.signInAttempt.findMany({
      where: { key: limit.key, succeeded: false, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
      take: limit.max,
    });
    if (failures.length < limit.max) continue;
    // The oldest of the last `max` failures leaves the window first; then one more attempt is allowed.
    const oldest = failures[failures.length - 1]!.createdAt;
    const waitMs = oldest.getTime() + SIGN_IN_WINDOW_MS - now.getTime();
    const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
    throw new ApiError(
      429,
      "rate_limited",
      `Too many failed sign-in attempts ${limit.what}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      Math.max(1, Math.ceil(waitMs / 1000)),
    );
  }
}
