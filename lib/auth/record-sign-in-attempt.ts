import type { Db } from "@/lib/db/client";
import { addressAttemptKey, emailAttemptKey, SIGN_IN_WINDOW_MS } from "./sign-in-limits";

/**
 * Records an attempt under both keys, and drops every row that has left the window: only the last 15 minutes of
 * attempts are ever kept, so the table stays small without a separate clean-up job.
 */
export async function recordSignInAttempt(
  db: Db,
  input: { email: string; address: string; succeeded: boolean },
  now = new Date(),
): Promise<void> {
  const keys = [emailAttemptKey(input.email), addressAttemptKey(input.address)];
  await db.$transaction([
    db.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - SIGN_IN_WINDOW_MS) } } }),
    db.signInAttempt.createMany({ data: keys.map((key) => ({ key, succeeded: input.succeeded, createdAt: now })) }),
  ]);
}
