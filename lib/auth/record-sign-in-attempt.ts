import type { Db } from "@/lib/db/client";
import {
  addressAttemptKey,
  emailAttemptKey,
  KNOWN_ADDRESS_MS,
  KNOWN_ADDRESS_PREFIX,
  knownAddressKey,
  SIGN_IN_WINDOW_MS,
} from "./sign-in-limits";

/**
 * Records an attempt under both keys, and drops every row that has left the window: only the last 15 minutes of
 * attempts are ever kept (and, per email, the addresses it signed in from over 30 days), so the table stays small
 * without a separate clean-up job.
 */
export async function recordSignInAttempt(
  db: Db,
  input: { email: string; address: string; succeeded: boolean },
  now = new Date(),
): Promise<void> {
  const keys = [emailAttemptKey(input.email), addressAttemptKey(input.address)];
  // A success also makes the address known for the email (30 days): it may pass the email's lock later.
  const known = input.succeeded && input.address !== "unknown" ? [knownAddressKey(input.email, input.address)] : [];
  await db.$transaction([
    db.signInAttempt.deleteMany({
      where: {
        OR: [
          { createdAt: { lt: new Date(now.getTime() - SIGN_IN_WINDOW_MS) }, NOT: { key: { startsWith: KNOWN_ADDRESS_PREFIX } } },
          { createdAt: { lt: new Date(now.getTime() - KNOWN_ADDRESS_MS) } },
        ],
      },
    }),
    ...(known.length > 0 ? [db.signInAttempt.deleteMany({ where: { key: known[0] } })] : []),
    db.signInAttempt.createMany({ data: [...keys, ...known].map((key) => ({ key, succeeded: input.succeeded, createdAt: now })) }),
  ]);
}
