/**
 * One sync pass of one seller account (the caller holds the account's lease; see sync-account-now.ts).
 *
 * The first pass imports the account: every chat (list pages to the end) and each chat's whole history.
 * Later passes are incremental. /v3/chat/list is ordered by last activity, newest first [inf, the emulator
 * does the same], so the poll reads list pages only until the first chat whose last message, unread count
 * and status equal the cache's, and stops there: every chat below it has not moved since it was last synced.
 * An idle poll is therefore exactly ONE Ozon call (the first list page), however many chats the shop has.
 * Two refinements keep that stop safe. (1) A chat is synced only up to the last message its list entry
 * names, so the cache matches a listing exactly and "unchanged" means "unchanged since a pass that also
 * handled every chat below it". (2) Other writers (the sender stores the message it sent) can make a chat
 * look unchanged although the sync never saw its new position; so only a chat whose last message is not
 * newer than the newest one a finished pass verified (SyncMemo.highWater) counts as a place to stop.
 *
 * Two things change on Ozon without moving a chat up the list:
 * - A chat read in Ozon's own portal changes only its unread_count. Every list page carries
 *   total_unread_count (all chats); when it disagrees with the sum of the cached unread counts after the poll,
 *   the pass lists the unread chats only (`unread_only`, usually a page or two) and reconciles: chats listed
 *   there are synced if they differ, cached unread chats missing from it are now read (their messages'
 *   is_read is re-read from history). The idle poll's cost is unchanged: the check is against the database.
 * - A chat closed (or reopened) without a message. Nothing in a list page reveals it, so a full pass (every
 *   list page, history only for chats that differ) runs every `fullPassIntervalMs` (default one hour).
 *
 * Buyer chats' postings (their reply windows) are read after the chats, in batches sharing list calls: by the
 * import for every chat naming an order, by later passes for new chats and orders and, every half hour, for postings
 * still on their way (never for delivered or cancelled ones); an idle poll reads none.
 *
 * The import is resumable: a chat counts as done once its messages up to the listed last message and its
 * summary are stored, so a restarted import re-reads the list (one call per 100 chats) and fetches history
 * only for chats not yet done. SyncState shows phase IMPORTING with chatsTotal / chatsDone meanwhile.
 */
import type { PrismaClient } from "@/lib/db/generated/client";
import { publishChatChange } from "@/lib/live/publish-chat-change";
import { publishSyncState } from "@/lib/live/publish-sync-state";
import { isOzonApiError, listChats, type OzonChatSummary, type OzonConnection } from "@/lib/ozon";

import { sumAccountUnread } from "@/lib/cache/sum-account-unread";
import { refreshAccountPostings } from "@/lib/reply-window/refresh-account-postings";

import { forEachConcurrently } from "./for-each-concurrently";
import { listEveryChat } from "./list-every-chat";
import { loadCachedChats, type CachedChat } from "@/lib/cache/load-cached-chats";
import { storeChatSummaries } from "@/lib/cache/store-chat-summaries";
import { isChatUpToDate, syncChat, type SyncChatContext } from "./sync-chat";
import { parseSyncMemo, serializeSyncMemo, type SyncMemo } from "./sync-memo";
import { DEFAULT_FULL_PASS_INTERVAL_MS } from "@/lib/env";
import { syncFeedback, type FeedbackPassReport } from "@/lib/feedback/sync-feedback";
import { logger } from "@/lib/log/logger";

export type SyncPassMode = "import" | "incremental" | "full";

export type SyncPassReport = {
  mode: SyncPassMode;
  /** /v3/chat/list calls made (pages), including an unread reconciliation's. */
  listCalls: number;
  /** /v3/chat/history calls made. */
  historyCalls: number;
  /** Chats read from the list. */
  chatsListed: number;
  /** Chats that differed from the cache and were brought up to date. */
  chatsSynced: number;
  messagesInserted: number;
  /** Whether total_unread_count disagreed with the cache and the unread chats were reconciled. */
  unreadReconciled: boolean;
  /** Posting calls (get and list) made to learn buyer chats' reply windows. */
  postingCalls: number;
  /** Buyer chats whose postings were read. */
  postingChatsChecked: number;
  /** Why reading postings stopped early (Ozon's error, in words), else null: the next pass goes on. */
  postingsError: string | null;
  /** Buyer chats left unread because Ozon refuses them to this subscription (plain Premium). */
  buyerChatsSkipped: number;
  /** The poll of product questions and reviews (lib/feedback); feedbackError: why it stopped (the next pass goes on). */
  feedback: FeedbackPassReport | null;
  feedbackError: string | null;
};

export type SyncPassOptions = {
  /** Called often during the pass (between chats and history pages); renews the lease. May throw to stop. */
  heartbeat?: () => Promise<void>;
  signal?: AbortSignal;
  /** Chats synced at once (default 4). Ozon's per-account rate limit is the connection's limiter's job. */
  concurrency?: number;
  /** How often a full pass re-reads every list page (default one hour; 0 = never). */
  fullPassIntervalMs?: number;
  /** Read every list page now (the first pass of an account always does). */
  full?: boolean;
};

const LIST_PAGE = 100;
const PROGRESS_EVERY = 20;
/** Buyer chats whose postings a pass after the import reads at most (about two Ozon calls per 50 chats). */
const POSTINGS_PER_PASS = 500;

export async function syncAccount(
  db: PrismaClient,
  accountId: string,
  connection: OzonConnection,
  options: SyncPassOptions = {},
): Promise<SyncPassReport> {
  const state = await db.syncState.upsert({ where: { accountId }, create: { accountId }, update: {} });
  const memo = parseSyncMemo(state.cursor);
  const fullEvery = options.fullPassIntervalMs ?? DEFAULT_FULL_PASS_INTERVAL_MS;
  const fullDue =
    fullEvery > 0 && (!memo.fullPassAt || Date.now() - new Date(memo.fullPassAt).getTime() >= fullEvery);
  const mode: SyncPassMode =
    state.phase !== "INCREMENTAL" ? "import" : options.full || fullDue ? "full" : "incremental";

  const report: SyncPassReport = {
    mode,
    listCalls: 0,
    historyCalls: 0,
    chatsListed: 0,
    chatsSynced: 0,
    messagesInserted: 0,
    unreadReconciled: false,
    postingCalls: 0,
    postingChatsChecked: 0,
    postingsError: null,
    buyerChatsSkipped: 0,
    feedback: null,
    feedbackError: null,
  };
  const heartbeat = options.heartbeat ?? (async () => {});
  const ctx: SyncChatContext = {
    db,
    accountId,
    connection,
    signal: options.signal,
    heartbeat,
    onHistoryCall: () => report.historyCalls++,
  };
  const concurrency = options.concurrency ?? 4;
  // Plain Premium: Ozon shows support and system chats but refuses buyer chats. Once refused, a poll leaves them
  // alone; the import and full passes try again (the subscription may have grown), and say so afterwards.
  let buyerChatsRefused = mode === "incremental" && state.buyerChatsRefusedAt !== null;
  let refusedThisPass = false;
  const skipsBuyerChats = () => buyerChatsRefused;
  const sync = async (entry: OzonChatSummary, cached: CachedChat | undefined) => {
    options.signal?.throwIfAborted();
    if (entry.isBuyerChat && buyerChatsRefused) {
      report.buyerChatsSkipped++;
      return;
    }
    await heartbeat();
    let inserted: number;
    try {
      ({ inserted } = await syncChat(ctx, entry, cached));
    } catch (error) {
      if (!(entry.isBuyerChat && isOzonApiError(error) && error.kind === "premium_required")) throw error;
      buyerChatsRefused = refusedThisPass = true;
      report.buyerChatsSkipped++;
      return;
    }
    report.chatsSynced++;
    report.messagesInserted += inserted;
    // The import fills an inbox nobody has open yet (its tabs follow the sync state); later passes tell tabs.
    if (mode !== "import") await publishSyncedChat(db, accountId, entry, cached);
  };

  const highWater = BigInt(memo.highWater ?? "0");
  const listing =
    mode === "incremental"
      ? await pollChangedChats(db, accountId, connection, options, report, concurrency, sync, highWater, skipsBuyerChats)
      : await fullPass(db, accountId, connection, options, report, concurrency, sync, mode === "import");
  let totalUnread = listing.totalUnread;

  const next: SyncMemo = { ...memo };
  if (listing.newestSeen > highWater) next.highWater = listing.newestSeen.toString();
  if (mode !== "incremental") next.fullPassAt = new Date().toISOString();
  const offset = totalUnread - (await sumAccountUnread(db, accountId));
  if (mode === "incremental" && offset !== (memo.unreadOffset ?? 0)) {
    report.unreadReconciled = true;
    totalUnread = await reconcileUnread(db, accountId, connection, options, report, concurrency, sync);
    next.unreadOffset = totalUnread - (await sumAccountUnread(db, accountId));
  } else if (mode !== "incremental") {
    next.unreadOffset = offset;
  }

  if (refusedThisPass) {
    // What the inbox cannot open is not shown: the rows the import stored for buyer chats before Ozon refused them.
    await db.chat.deleteMany({ where: { accountId, isBuyerChat: true, messages: { none: {} } } });
  }
  const reviewsRefused = await pollFeedback(db, accountId, connection, options, report, mode, state.reviewsRefusedAt !== null, next);
  await db.syncState.update({
    where: { accountId },
    data: {
      phase: "INCREMENTAL",
      cursor: serializeSyncMemo(next),
      ...(refusedThisPass ? { buyerChatsRefusedAt: new Date() } : mode !== "incremental" ? { buyerChatsRefusedAt: null } : {}),
      ...(reviewsRefused === true && state.reviewsRefusedAt === null ? { reviewsRefusedAt: new Date() } : {}),
      ...(reviewsRefused === false ? { reviewsRefusedAt: null } : {}),
    },
  });
  await readDuePostings(db, accountId, connection, options, report, mode);
  return report;
}

/**
 * Product questions and reviews (lib/feedback/sync-feedback.ts), after the chats: a failure there is reported and
 * logged, and leaves the chats' pass standing (the next pass polls again). Returns whether Ozon refused reviews (null:
 * the poll did not get that far), and keeps the poll's memo in `next`.
 */
async function pollFeedback(
  db: PrismaClient,
  accountId: string,
  connection: OzonConnection,
  options: SyncPassOptions,
  report: SyncPassReport,
  mode: SyncPassMode,
  reviewsRefusedBefore: boolean,
  next: SyncMemo,
): Promise<boolean | null> {
  try {
    const { report: feedback, memo } = await syncFeedback(db, accountId, connection, {
      full: mode !== "incremental",
      publish: mode !== "import",
      reviewsRefusedBefore,
      memo: next.feedback ?? {},
      heartbeat: options.heartbeat,
      signal: options.signal,
    });
    report.feedback = feedback;
    next.feedback = memo;
    return feedback.reviewsRefused;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    report.feedbackError = error instanceof Error ? error.message : String(error);
    logger.warn({ accountId }, `sync: questions and reviews not polled: ${report.feedbackError}`);
    return null;
  }
}

/**
 * Buyer chats' postings, so their reply windows (deadlines in the list and "Needs reply") are known before anyone
 * opens them: the import reads every chat's, later passes those never read (new chats, new orders) and, every
 * POSTINGS_SWEEP_MS, those that can still change — at most POSTINGS_PER_PASS chats a pass, so a poll stays short.
 * After the import's phase is stored: an interruption here repeats none of the import, the next pass goes on.
 */
async function readDuePostings(
  db: PrismaClient,
  accountId: string,
  connection: OzonConnection,
  options: SyncPassOptions,
  report: SyncPassReport,
  mode: SyncPassMode,
): Promise<void> {
  const heartbeat = options.heartbeat ?? (async () => {});
  const result = await refreshAccountPostings(db, connection, accountId, {
    ...(mode === "import" ? {} : { maxChats: POSTINGS_PER_PASS }),
    signal: options.signal,
    heartbeat,
    beforeCall: async () => {
      report.postingCalls++;
      await heartbeat();
    },
  });
  report.postingChatsChecked = result.chatsChecked;
  report.postingsError = result.error?.message ?? null;
  // The import fills an inbox nobody has open yet; later passes tell tabs of the deadlines that moved.
  if (mode !== "import") {
    for (const chatId of result.changedChatIds) await publishChatChange(db, { accountId, chatId });
  }
}

type SyncOne = (entry: OzonChatSummary, cached: CachedChat | undefined) => Promise<void>;

type Listing = { totalUnread: number; /** The newest last_message_id among the entries examined. */ newestSeen: bigint };

/**
 * List pages from the newest until the first chat that equals the cache and whose last message is not newer
 * than the high-water mark (see SyncMemo.highWater); syncs the differing ones above it.
 */
async function pollChangedChats(
  db: PrismaClient,
  accountId: string,
  connection: OzonConnection,
  options: SyncPassOptions,
  report: SyncPassReport,
  concurrency: number,
  sync: SyncOne,
  highWater: bigint,
  skipsBuyerChats: () => boolean,
): Promise<Listing> {
  let newestSeen = 0n;
  let cursor: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    options.signal?.throwIfAborted();
    await options.heartbeat?.();
    report.listCalls++;
    const page = await listChats(connection, { limit: LIST_PAGE, ...(cursor ? { cursor } : {}) }, { signal: options.signal });
    report.chatsListed += page.chats.length;
    const cached = await loadCachedChats(db, accountId, page.chats.map((c) => c.chatId));
    const changed: OzonChatSummary[] = [];
    let reachedUnchanged = false;
    for (const entry of page.chats) {
      const last = BigInt(entry.lastMessageId);
      if (last > newestSeen) newestSeen = last;
      // A buyer chat Ozon refuses to this subscription is nothing to do, like an unchanged one.
      if (isChatUpToDate(entry, cached.get(entry.chatId)) || (entry.isBuyerChat && skipsBuyerChats())) {
        // An empty chat carries no position in message ids; one newer than the mark may have been stored by
        // another writer: neither proves the chats below were synced.
        if (last !== 0n && last <= highWater) {
          reachedUnchanged = true;
          break;
        }
        continue;
      }
      if (!seen.has(entry.chatId)) changed.push(entry);
      seen.add(entry.chatId);
    }
    await forEachConcurrently(changed, concurrency, (entry) => sync(entry, cached.get(entry.chatId)));
    if (reachedUnchanged || !page.hasNext || !page.cursor || page.cursor === cursor) {
      return { totalUnread: page.totalUnreadCount, newestSeen };
    }
    cursor = page.cursor;
  }
}

/** Every list page; syncs every chat that differs from the cache. The import is the first such pass. */
async function fullPass(
  db: PrismaClient,
  accountId: string,
  connection: OzonConnection,
  options: SyncPassOptions,
  report: SyncPassReport,
  concurrency: number,
  sync: SyncOne,
  importing: boolean,
): Promise<Listing> {
  if (importing) {
    await db.syncState.update({ where: { accountId }, data: { phase: "IMPORTING", chatsTotal: 0, chatsDone: 0 } });
  }
  const listed = await listEveryChat(connection, { limit: LIST_PAGE }, listHooks(options, report));
  report.chatsListed += listed.chats.length;
  const cached = await loadCachedChats(db, accountId);

  // Chats not cached yet appear in the inbox at once; their messages follow chat by chat.
  const fresh = listed.chats.filter((c) => !cached.has(c.chatId));
  if (fresh.length > 0) {
    const { chatIds } = await storeChatSummaries(db, accountId, fresh);
    for (const c of fresh) {
      const id = chatIds.get(c.chatId);
      if (id) cached.set(c.chatId, { ...placeholder(c), id });
    }
  }

  let done = 0;
  let reported = 0;
  const progress = async (force = false) => {
    if (!importing || (!force && done - reported < PROGRESS_EVERY)) return;
    reported = done;
    await db.syncState.update({ where: { accountId }, data: { chatsDone: done } });
    await publishSyncState(db, accountId);
  };
  if (importing) {
    await db.syncState.update({ where: { accountId }, data: { chatsTotal: listed.chats.length, chatsDone: 0 } });
    await publishSyncState(db, accountId);
  }
  await forEachConcurrently(listed.chats, concurrency, async (entry) => {
    const current = cached.get(entry.chatId);
    if (!isChatUpToDate(entry, current)) await sync(entry, current);
    done++;
    await progress();
  });
  await progress(true);
  const newestSeen = listed.chats.reduce((max, c) => (BigInt(c.lastMessageId) > max ? BigInt(c.lastMessageId) : max), 0n);
  return { totalUnread: listed.totalUnreadCount, newestSeen };
}

/**
 * total_unread_count disagreed with the cache: some chat was read (or unread changed) without moving up the
 * list. The unread chats alone are listed and compared; cached unread chats not among them are now read.
 */
async function reconcileUnread(
  db: PrismaClient,
  accountId: string,
  connection: OzonConnection,
  options: SyncPassOptions,
  report: SyncPassReport,
  concurrency: number,
  sync: SyncOne,
): Promise<number> {
  const unread = await listEveryChat(connection, { limit: LIST_PAGE, unreadOnly: true }, listHooks(options, report));
  report.chatsListed += unread.chats.length;
  const listedIds = new Set(unread.chats.map((c) => c.chatId));
  const cached = await loadCachedChats(db, accountId, [...listedIds]);
  const differing = unread.chats.filter((c) => !isChatUpToDate(c, cached.get(c.chatId)));
  await forEachConcurrently(differing, concurrency, (entry) => sync(entry, cached.get(entry.chatId)));

  const nowRead = await db.chat.findMany({
    where: { accountId, unreadCount: { gt: 0 }, ...(listedIds.size > 0 ? { ozonChatId: { notIn: [...listedIds] } } : {}) },
    select: { ozonChatId: true },
  });
  if (nowRead.length > 0) {
    const readCached = await loadCachedChats(db, accountId, nowRead.map((c) => c.ozonChatId));
    await forEachConcurrently([...readCached.values()], concurrency, (c) => sync(readSummary(c), c));
  }
  return unread.totalUnreadCount;
}

/** The summary of a cached chat that Ozon now lists as having nothing unread (its messages stay as cached). */
function readSummary(c: CachedChat): OzonChatSummary {
  return {
    chatId: c.ozonChatId,
    chatStatus: c.status,
    chatType: c.type.toUpperCase(),
    chatTypeRaw: c.type.toUpperCase(),
    isBuyerChat: c.isBuyerChat,
    createdAt: c.createdAt.toISOString(),
    firstUnreadMessageId: "0",
    lastMessageId: c.newestMessageId.toString(),
    unreadCount: 0,
  };
}

function listHooks(options: SyncPassOptions, report: SyncPassReport) {
  return {
    heartbeat: options.heartbeat ?? (async () => {}),
    onPage: () => report.listCalls++,
    signal: options.signal,
  };
}

function placeholder(c: OzonChatSummary): Omit<CachedChat, "id"> {
  return {
    ozonChatId: c.chatId,
    type: c.chatType.toLowerCase(),
    isBuyerChat: c.isBuyerChat,
    createdAt: new Date(c.createdAt),
    status: c.chatStatus.toUpperCase() === "CLOSED" ? "CLOSED" : "OPENED",
    unreadCount: c.unreadCount,
    newestMessageId: 0n,
  };
}

/** Publishes the chat with the messages newer than what the cache held before the pass (capped: a tab needs the newest). */
async function publishSyncedChat(db: PrismaClient, accountId: string, entry: OzonChatSummary, cached: CachedChat | undefined) {
  const chat = cached ?? (await db.chat.findFirst({ where: { accountId, ozonChatId: entry.chatId }, select: { id: true } }));
  if (!chat) return;
  const fresh = await db.message.findMany({
    where: { chatId: chat.id, ozonMessageId: { gt: cached?.newestMessageId ?? 0n } },
    orderBy: { ozonMessageId: "desc" },
    take: 50,
    select: { ozonMessageId: true },
  });
  await publishChatChange(db, { accountId, chatId: chat.id, messageIds: fresh.map((m) => m.ozonMessageId) });
}

