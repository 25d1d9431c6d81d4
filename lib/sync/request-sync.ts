import type { PrismaClient } from "@/lib/db/generated/client";

/**
 * "Sync now": makes the account due at once. Whichever instance's scheduler looks next (within a second)
 * claims it; a backoff after failures is cut short too, which is what a person pressing the button wants.
 */
export async function requestSync(db: PrismaClient, accountId: string): Promise<void> {
  const now = new Date();
  await db.syncState.upsert({
    where: { accountId },
    create: { accountId, nextRunAt: now },
    update: { nextRunAt: now },
  });
}
