import type { Db } from "@/lib/db/client";
import { isOzonApiError, type OzonApiError, type OzonConnection } from "@/lib/ozon";

import { fillChatPictures } from "./fill-chat-pictures";
import { refreshChatsPostings, SETTLED_POSTING_STATUSES } from "./refresh-chats-postings";

/**
 * How often the sync reads again a posting whose status can still change (paid, on its way): the reply window
 * moves when it is delivered, and a deadline 72 h later may be known half an hour late. Opening the chat reads it
 * sooner (POSTINGS_REFRESH_MS).
 */
const POSTINGS_SWEEP_MS = 30 * 60_000;
/** Chats whose postings are read together (their order numbers share the list calls). */
const CHATS_PER_BATCH = 50;

export type RefreshAccountPostingsOptions = {
  /** At most this many chats (default: every one that is due). */
  maxChats?: number;
  signal?: AbortSignal;
  /** Called before every Ozon call (counts them; renews the sync's lease). */
  beforeCall?: () => Promise<void> | void;
  /** Called between the chats' writes (renews the sync's lease). */
  heartbeat?: () => Promise<void>;
  now?: Date;
};

export type RefreshAccountPostingsResult = {
  chatsChecked: number;
  /** Chats whose stored postings lacked the row's picture and were looked up (fillChatPictures). */
  picturesChecked: number;
  /** Chats whose reply window changed (the caller publishes them). */
  changedChatIds: string[];
  /** Ozon's error that stopped the sweep, if one did: the rest is left for the next pass. */
  error: OzonApiError | null;
};

/**
 * Reads from Ozon the postings of the account's buyer chats that name an order and whose postings were never read,
 * or were read POSTINGS_SWEEP_MS ago and can still change; a chat whose postings are all settled (delivered,
 * cancelled) is never read again here, nor one whose order Ozon did not know (opening it asks again). The chats
 * whose buyer is waiting come first, then by latest activity. Called by the sync after it stored the chats, so the
 * chat list and "Needs reply" show deadlines for chats nobody opened. Every call goes through the connection's
 * limiter, the account's shared budget. Then the pictures of chats whose postings are stored without one
 * (fillChatPictures: chats stored before rows had pictures, or whose lookup failed), as many chats at most.
 */
export async function refreshAccountPostings(
  db: Db,
  connection: OzonConnection,
  accountId: string,
  options: RefreshAccountPostingsOptions = {},
): Promise<RefreshAccountPostingsResult> {
  const now = options.now ?? new Date();
  const due = await db.chat.findMany({
    where: {
      accountId,
      isBuyerChat: true,
      OR: [{ orderNumber: { not: null } }, { postingNumber: { not: null } }],
      AND: [
        {
          OR: [
            { postingsCheckedAt: null },
            {
              postingsCheckedAt: { lt: new Date(now.getTime() - POSTINGS_SWEEP_MS) },
              postings: { some: { status: { notIn: [...SETTLED_POSTING_STATUSES] } } },
            },
          ],
        },
      ],
    },
    orderBy: [{ awaitingSince: { sort: "asc", nulls: "last" } }, { lastMessageAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
    ...(options.maxChats !== undefined ? { take: options.maxChats } : {}),
    select: { id: true },
  });
  const result: RefreshAccountPostingsResult = { chatsChecked: 0, picturesChecked: 0, changedChatIds: [], error: null };
  for (let i = 0; i < due.length; i += CHATS_PER_BATCH) {
    const batch = due.slice(i, i + CHATS_PER_BATCH).map((c) => c.id);
    await options.heartbeat?.();
    try {
      result.changedChatIds.push(...(await refreshChatsPostings(db, connection, batch, options)));
    } catch (error) {
      if (!isOzonApiError(error) || options.signal?.aborted) throw error;
      result.error = error;
      break;
    }
    result.chatsChecked += batch.length;
  }
  if (result.error === null) result.picturesChecked = await fillChatPictures(db, connection, accountId, options);
  await options.heartbeat?.();
  return result;
}
