import type { Db } from "@/lib/db/client";

/**
 * The cached buyer chat about a posting, whatever started it: a chat linked to the posting (chat_postings, filled
 * when a chat's order is read), a chat started for it from the app (chats.posting_number), or a chat whose
 * messages name the posting's order (imported chats know Ozon's order number, not the posting number). The
 * oldest wins when several match. Null when none.
 */
export async function findChatForPosting(
  db: Db,
  accountId: string,
  posting: { postingNumber: string; orderNumber: string | null },
): Promise<{ id: string; ozonChatId: string } | null> {
  const select = { id: true, ozonChatId: true } as const;
  const orderBy = { createdAt: "asc" } as const;
  const linked = await db.chat.findFirst({
    where: { accountId, OR: [{ postings: { some: { accountId, postingNumber: posting.postingNumber } } }, { postingNumber: posting.postingNumber }] },
    orderBy,
    select,
  });
  if (linked || !posting.orderNumber) return linked;
  const orderNumber = posting.orderNumber;
  return db.chat.findFirst({
    where: { accountId, isBuyerChat: true, OR: [{ orderNumber }, { messages: { some: { orderNumber } } }] },
    orderBy,
    select,
  });
}

/** Ozon's order number is the posting number without its last part: 0025174183-3178-1 → 0025174183-3178. */
export function orderNumberOfPosting(postingNumber: string): string | null {
  const match = /^(.+)-\d+$/.exec(postingNumber);
  return match?.[1] ?? null;
}
