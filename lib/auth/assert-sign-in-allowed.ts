import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import {
  addressAttemptKey,
  emailAttemptKey,
  KNOWN_ADDRESS_MS,
  knownAddressKey,
  MAX_FAILURES_PER_ADDRESS,
  MAX_FAILURES_PER_EMAIL,
  SIGN_IN_WINDOW_MS,
} from "./sign-in-limits";

type Limit = { key: string; max: number; scope: "email" | "address" };

/**
 * Refuses a sign-in while the email or the address has had too many failures in the last 15 minutes (failures
 * before the key's last success do not count). The counts live in PostgreSQL, so every app instance sees them.
 * Checked before the password. The policy (README "Security"): an email locks after 5 failures in 15 minutes for
 * everyone, except an address it signed in from in the last 30 days: there the right password still works, so
 * nobody can lock a colleague out by guessing; the per-address limit (20 failures over any emails) applies
 * everywhere, so a known address cannot be used to guess on.
 */
export async function assertSignInAllowed(db: Db, input: { email: string; address: string }, now = new Date()): Promise<void> {
  const known =
    input.address !== "unknown" &&
    (await db.signInAttempt.count({
      where: { key: knownAddressKey(input.email, input.address), createdAt: { gte: new Date(now.getTime() - KNOWN_ADDRESS_MS) } },
    })) > 0;
  const limits: Limit[] = [
    ...(known ? [] : [{ key: emailAttemptKey(input.email), max: MAX_FAILURES_PER_EMAIL, scope: "email" as const }]),
    { key: addressAttemptKey(input.address), max: MAX_FAILURES_PER_ADDRESS, scope: "address" },
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
    throw new AppError("sign_in_rate_limited", {
      scope: limit.scope,
      minutes: Math.max(1, Math.ceil(waitMs / 60_000)),
      retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
    });
  }
}
