/**
 * The poll of product questions and reviews inside an account's sync pass (docs/questions-and-reviews.md), through the
 * account's connection and so its per-seller rate limiter. Ozon pushes nothing for them.
 *
 * Per kind, a poll reads Ozon's count by status (1 call) and the list newest first, page by page until the first item
 * the cache holds unchanged (same status, same answers_count / comments_amount): an idle poll is 2 calls per kind,
 * whatever the shop's size. A new or changed item reads its answers / comments (when there are any) and, for a review
 * with photos, /v2/review/info. When the cache's counts by status then differ from Ozon's (an older item answered or
 * processed elsewhere, which does not move it up the list), every page is listed and the differing items brought up to
 * date; the same full listing is the import and the sync's hourly full pass. Products' names and pictures come from
 * the products cache (lib/products/ensure-products.ts).
 *
 * Reviews need the review-management subscription: Ozon's 403 is recorded (`reviewsRefused`), polls then skip reviews
 * and full passes try again. Questions refused (no Premium Plus / Pro) are skipped the same way, silently (the chats
 * say it already).
 */
import type { PrismaClient } from "@/lib/db/generated/client";
import { publishChatChange } from "@/lib/live/publish-chat-change";
import {
  countQuestions,
  countReviews,
  getSellerInfo,
  isOzonApiError,
  isReviewsSubscriptionError,
  listQuestions,
  listReviews,
  type OzonConnection,
  type OzonQuestion,
  type OzonReviewSummary,
} from "@/lib/ozon";

import { ensureProducts, type ProductCard } from "@/lib/products/ensure-products";
import { feedbackChatId, type FeedbackKind } from "@/lib/cache/feedback-kinds";
import type { FeedbackMemo } from "./feedback-memo";
import { loadQuestionItem, loadReviewItem } from "./load-feedback-item";
import { storeFeedbackItem, type FeedbackItem } from "./store-feedback-item";

/** What the poll keeps between passes (in the sync memo). */

export type FeedbackPassReport = {
  /** Ozon calls made per kind (lists, counts, answers/comments, review info) and for product cards and the shop name. */
  questionCalls: number;
  reviewCalls: number;
  otherCalls: number;
  /** Items stored because they were new or differed from the cache. */
  itemsStored: number;
  /** Ozon refused reviews (no subscription) this pass, or the poll skipped them because it had. */
  reviewsRefused: boolean;
};

export type SyncFeedbackOptions = {
  /** Full listing of both kinds (the import and full passes); otherwise the incremental poll. */
  full: boolean;
  /** Publish live events for what changed (not during the import: nobody has the inbox open yet). */
  publish: boolean;
  /** Reviews were refused before: a poll (not full) skips them. */
  reviewsRefusedBefore: boolean;
  memo: FeedbackMemo;
  heartbeat?: () => Promise<void>;
  signal?: AbortSignal;
};

const PAGE = 100;
const MAX_PAGES = 1000;
/** Items whose Ozon calls run ahead of the stores: the chats' import runs 4 at a time too. */
const LOADS_AHEAD = 4;

type Summary = { ozonId: string; sku: string; status: string; replyCount: number; publishedAt: string };
type Counts = Record<"total" | "NEW" | "VIEWED" | "PROCESSED", number>;

type KindSource<S extends Summary> = {
  kind: FeedbackKind;
  count(): Promise<Counts>;
  page(lastId: string | undefined): Promise<{ items: S[]; lastId: string; hasNext: boolean | null }>;
  load(summary: S, cachedReplies: boolean, product: ProductCard | undefined): Promise<FeedbackItem>;
};

export async function syncFeedback(
  db: PrismaClient,
  accountId: string,
  connection: OzonConnection,
  options: SyncFeedbackOptions,
): Promise<{ report: FeedbackPassReport; memo: FeedbackMemo }> {
  const report: FeedbackPassReport = { questionCalls: 0, reviewCalls: 0, otherCalls: 0, itemsStored: 0, reviewsRefused: false };
  const memo: FeedbackMemo = { ...options.memo };
  const call = (kind: FeedbackKind | null) => async () => {
    options.signal?.throwIfAborted();
    await options.heartbeat?.();
    if (kind === "question") report.questionCalls++;
    else if (kind === "review") report.reviewCalls++;
    else report.otherCalls++;
  };
  const opts = { signal: options.signal };

  // Questions refused before are skipped until a full pass tries again.
  if (options.full || !memo.questionsRefused) {
    delete memo.questionsRefused;
    try {
      if (memo.shopName === undefined || options.full) {
        await call(null)();
        memo.shopName = (await getSellerInfo(connection, opts)).companyName ?? "";
      }
      const shopName = memo.shopName;
      const onQuestionCall = call("question");
      const questions: KindSource<OzonQuestion & Summary> = {
        kind: "question",
        count: async () => {
          await onQuestionCall();
          const c = await countQuestions(connection, opts);
          return { total: c.all, NEW: c.new, VIEWED: c.viewed, PROCESSED: c.processed };
        },
        page: async (lastId) => {
          await onQuestionCall();
          const p = await listQuestions(connection, { limit: PAGE, sortDir: "DESC", ...(lastId ? { lastId } : {}) }, opts);
          return { items: p.questions.map((q) => ({ ...q, ozonId: q.id, replyCount: q.answersCount })), lastId: p.lastId, hasNext: p.hasNext };
        },
        load: (q, cachedReplies, product) =>
          loadQuestionItem(connection, q, shopName, { cachedReplies, product, onCall: onQuestionCall, signal: options.signal }),
      };
      await syncKind(db, accountId, connection, options, memo, report, questions);
    } catch (error) {
      if (!(isOzonApiError(error) && error.kind === "premium_required")) throw error;
      memo.questionsRefused = true;
    }
  }

  if (!options.full && options.reviewsRefusedBefore) {
    report.reviewsRefused = true;
  } else {
    const onReviewCall = call("review");
    const reviews: KindSource<OzonReviewSummary & Summary> = {
      kind: "review",
      count: async () => {
        await onReviewCall();
        const c = await countReviews(connection, opts);
        return { total: c.total, NEW: c.new, VIEWED: c.viewed, PROCESSED: c.processed };
      },
      page: async (lastId) => {
        await onReviewCall();
        const p = await listReviews(connection, { limit: PAGE, sortDir: "DESC", ...(lastId ? { lastId } : {}) }, opts);
        return { items: p.reviews.map((r) => ({ ...r, ozonId: r.id, replyCount: r.commentsAmount })), lastId: p.lastId, hasNext: p.hasNext };
      },
      load: (r, cachedReplies, product) => loadReviewItem(connection, r, { cachedReplies, product, onCall: onReviewCall, signal: options.signal }),
    };
    try {
      await syncKind(db, accountId, connection, options, memo, report, reviews);
    } catch (error) {
      if (!isReviewsSubscriptionError(error)) throw error;
      report.reviewsRefused = true;
    }
  }
  return { report, memo };
}

/** One kind's poll (or full listing): see the file's comment. */
async function syncKind<S extends Summary>(
  db: PrismaClient,
  accountId: string,
  connection: OzonConnection,
  options: SyncFeedbackOptions,
  memo: FeedbackMemo,
  report: FeedbackPassReport,
  source: KindSource<S>,
): Promise<void> {
  const countsKey = source.kind === "question" ? "questionCounts" : "reviewCounts";
  let ozonKey: string | null = null;
  if (!options.full) {
    const ozonCounts = await source.count();
    const changed: S[] = [];
    let lastId: string | undefined;
    const lastIds = new Set<string>();
    for (let pages = 1; pages <= MAX_PAGES; pages++) {
      const page = await source.page(lastId);
      const cached = await loadCachedItems(db, accountId, source.kind, page.items.map((s) => s.ozonId));
      let reachedUnchanged = false;
      for (const s of page.items) {
        if (isUnchanged(s, cached.get(s.ozonId))) {
          reachedUnchanged = true;
          break;
        }
        changed.push(s);
      }
      if (reachedUnchanged || page.hasNext === false || page.items.length === 0 || !page.lastId || lastIds.has(page.lastId)) break;
      lastIds.add(page.lastId);
      lastId = page.lastId;
    }
    await storeItems(db, accountId, connection, options, report, source, changed);
    ozonKey = countsSignature(ozonCounts);
    if (ozonKey === countsSignature(await cachedCounts(db, accountId, source.kind)) || ozonKey === memo[countsKey]) return;
  }
  // Every page: the import, a full pass, or counts that the newest pages did not explain.
  const all: S[] = [];
  const seen = new Set<string>();
  let lastId: string | undefined;
  for (let pages = 1; pages <= MAX_PAGES; pages++) {
    const page = await source.page(lastId);
    for (const s of page.items) {
      if (seen.has(s.ozonId)) continue;
      seen.add(s.ozonId);
      all.push(s);
    }
    if (page.hasNext === false || page.items.length === 0 || !page.lastId || page.lastId === lastId) break;
    lastId = page.lastId;
  }
  const cached = await loadCachedItems(db, accountId, source.kind);
  await storeItems(db, accountId, connection, options, report, source, all.filter((s) => !isUnchanged(s, cached.get(s.ozonId))));
  // Items Ozon no longer lists (deleted there) leave the inbox.
  const gone = [...cached.keys()].filter((id) => !seen.has(id));
  if (gone.length > 0) {
    await db.chat.deleteMany({ where: { accountId, ozonChatId: { in: gone.map((id) => feedbackChatId(source.kind, id)) } } });
  }
  // Counts of Ozon's that even a full listing cannot match (its count and list disagree) list no more until they move.
  if (ozonKey !== null && ozonKey !== countsSignature(await cachedCounts(db, accountId, source.kind))) memo[countsKey] = ozonKey;
  else delete memo[countsKey];
}

type CachedItem = { status: string | null; replies: number | null; hasReplies: boolean };

async function loadCachedItems(db: PrismaClient, accountId: string, kind: FeedbackKind, ozonIds?: string[]): Promise<Map<string, CachedItem>> {
  const rows = await db.chat.findMany({
    where: { accountId, type: kind, ...(ozonIds ? { ozonChatId: { in: ozonIds.map((id) => feedbackChatId(kind, id)) } } : {}) },
    select: { ozonChatId: true, feedbackStatus: true, feedbackReplies: true, lastMessageAuthor: true },
  });
  return new Map(
    rows.map((r) => [
      r.ozonChatId.slice(kind.length + 1),
      { status: r.feedbackStatus, replies: r.feedbackReplies, hasReplies: r.lastMessageAuthor !== "customer" },
    ]),
  );
}

function isUnchanged(s: Summary, cached: CachedItem | undefined): boolean {
  return cached !== undefined && cached.status === s.status && cached.replies === s.replyCount;
}

async function cachedCounts(db: PrismaClient, accountId: string, kind: FeedbackKind): Promise<Counts> {
  const groups = await db.chat.groupBy({ by: ["feedbackStatus"], where: { accountId, type: kind }, _count: { _all: true } });
  const counts: Counts = { total: 0, NEW: 0, VIEWED: 0, PROCESSED: 0 };
  for (const g of groups) {
    counts.total += g._count._all;
    if (g.feedbackStatus === "NEW" || g.feedbackStatus === "VIEWED" || g.feedbackStatus === "PROCESSED") counts[g.feedbackStatus] += g._count._all;
  }
  return counts;
}

const countsSignature = (c: Counts) => `${c.total}/${c.NEW}/${c.VIEWED}/${c.PROCESSED}`;

/** Loads (answers, comments, photos) and stores the items, products first; publishes what changed after the import. */
async function storeItems<S extends Summary>(
  db: PrismaClient,
  accountId: string,
  connection: OzonConnection,
  options: SyncFeedbackOptions,
  report: FeedbackPassReport,
  source: KindSource<S>,
  items: S[],
): Promise<void> {
  if (items.length === 0) return;
  const products = await ensureProducts(db, accountId, connection, items.map((s) => s.sku), {
    signal: options.signal,
    onCall: async () => {
      await options.heartbeat?.();
      report.otherCalls++;
    },
  });
  const cached = await loadCachedItems(db, accountId, source.kind, items.map((s) => s.ozonId));
  // Oldest first: an interruption leaves the newest items looking new to the next poll, never the other way round.
  const ordered = [...items].reverse();
  const load = (s: S) => source.load(s, cached.get(s.ozonId)?.hasReplies ?? false, products.get(s.sku));
  // The next items' answers, comments and photos are read from Ozon while this one is stored (the stores stay one at
  // a time, in order): an import read them one after another, an Ozon round trip per item between two stores.
  const loading = new Map<number, Promise<FeedbackItem>>();
  const loadAhead = (i: number) => {
    if (i >= ordered.length || loading.has(i)) return;
    const promise = load(ordered[i]!);
    // Awaited in its turn, or settled below when an earlier item failed: never an unhandled rejection meanwhile.
    promise.catch(() => undefined);
    loading.set(i, promise);
  };
  try {
    for (let i = 0; i < ordered.length; i++) {
      for (let ahead = i; ahead < i + LOADS_AHEAD; ahead++) loadAhead(ahead);
      const item = await loading.get(i)!;
      loading.delete(i);
      const stored = await storeFeedbackItem(db, accountId, item);
      report.itemsStored++;
      if (options.publish && (stored.created || stored.changedMessageIds.length > 0)) {
        await publishChatChange(db, { accountId, chatId: stored.chatId, messageIds: stored.changedMessageIds });
      }
    }
  } finally {
    // After a failure, nothing of this pass still calls Ozon (or renews the sync's lease) once it has returned.
    await Promise.allSettled(loading.values());
  }
}
