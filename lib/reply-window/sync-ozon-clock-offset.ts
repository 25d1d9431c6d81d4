import type { Db } from "@/lib/db/client";
import { readServerClockOffsetSeconds } from "@/lib/ozon";

/**
 * Stores the account's Ozon clock offset as this process last saw it (lib/ozon/server-clock.ts) when it moved, and
 * moves the stored reply deadlines with it (they are kept on our clock: Ozon's deadline minus the offset), and lets
 * the chats' postings be read again (Ozon's time moved on: a posting may be delivered now). Against
 * Ozon the offset stays 0 and this writes nothing. Returns whether it changed.
 */
export async function syncOzonClockOffset(db: Db, accountId: string, baseUrl: string): Promise<boolean> {
  const seen = readServerClockOffsetSeconds(baseUrl);
  if (seen === null) return false;
  const account = await db.sellerAccount.findUnique({ where: { id: accountId }, select: { ozonClockOffsetSeconds: true } });
  if (!account) return false;
  const delta = seen - account.ozonClockOffsetSeconds;
  // Two readings of one clock differ by the network's delay and the header's whole seconds.
  if (Math.abs(delta) < 60) return false;
  await db.$transaction([
    db.sellerAccount.update({ where: { id: accountId }, data: { ozonClockOffsetSeconds: seen } }),
    db.$executeRaw`UPDATE chats SET reply_until = reply_until - make_interval(secs => ${delta}::int)
                    WHERE account_id = ${accountId} AND reply_until IS NOT NULL`,
    // Ozon's time moved: postings may have moved on too (paid, delivered). Read again when next looked at.
    db.$executeRaw`UPDATE chats SET postings_checked_at = TIMESTAMP '1970-01-01'
                    WHERE account_id = ${accountId} AND postings_checked_at IS NOT NULL`,
  ]);
  return true;
}
