import { z } from "zod";
import { toChatView } from "@/lib/cache/chat-view";
import { readChatRows, type ListCachedChatsResponse } from "@/lib/chats/list-cached-chats";
import { sumAccountUnread } from "@/lib/cache/sum-account-unread";
import type { Db } from "@/lib/db/client";
import type { Chat, Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { computeReplyState } from "@/lib/reply-window/reply-state";
import { MINE_STATUSES, QUEUE_ORDERS, QUEUE_VIEWS } from "./queue-views";
import { chatKindSchema, chatKindWhere } from "@/lib/chats/chat-kinds";

const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());
const LIMIT_ERROR = "limit must be a whole number from 1 to 100";

export const listQueueChatsRequestSchema = z
  .object({
    view: z.enum(QUEUE_VIEWS, { error: "view must be needs_reply, mine or unassigned" }),
    kind: optionalParam(chatKindSchema),
    order: optionalParam(z.enum(QUEUE_ORDERS, { error: "order must be deadline or low_rating" })).default("deadline"),
    cursor: optionalParam(z.string().max(500, { error: "cursor is not valid" })),
    limit: optionalParam(z.coerce.number({ error: LIMIT_ERROR }).int({ error: LIMIT_ERROR }).min(1, { error: LIMIT_ERROR }).max(100, { error: LIMIT_ERROR })).default(50),
  })
  // Only reviews have ratings, and only the queue's two views have an order to choose.
  .refine((request) => request.order !== "low_rating" || (request.kind === "review" && request.view !== "mine"), {
    error: "order low_rating needs kind review and view needs_reply or unassigned",
    path: ["order"],
  });
export type ListQueueChatsRequest = z.input<typeof listQueueChatsRequestSchema>;

/** Mine: the chat list's position (last activity, id). */
const mineCursorSchema = z.object({ t: z.iso.datetime().nullable(), id: z.string().min(1).max(100) });
/** Needs reply and Unassigned: the Ozon deadline (null: none known), the buyer's wait, id. */
const queueCursorSchema = z.object({ d: z.iso.datetime().nullable(), t: z.iso.datetime(), id: z.string().min(1).max(100) });
/** Low ratings first: the rating (null: none, last), the buyer's wait, id. */
const ratingCursorSchema = z.object({ r: z.number().int().nullable(), t: z.iso.datetime(), id: z.string().min(1).max(100) });

function decodeCursor<T extends z.ZodType>(schema: T, cursor: string): z.infer<T> {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("cursor_invalid");
  }
}

const encodeCursor = (position: unknown) => Buffer.from(JSON.stringify(position)).toString("base64url");

/**
 * One page of a team view (queue-views.ts), by keyset:
 *
 * - needs_reply: the buyer awaits (awaiting_since), our status is OPEN, and Ozon still lets us answer: the chat is
 *   not closed, no send was refused, and a deadline still ahead or no window known (reply_until and
 *   reply_closed_reason both null, see lib/reply-window); a chat whose window closed leaves the queue (the chat list
 *   shows it with its reason). The Ozon deadline soonest first, chats without a known deadline after
 *   them, each by the buyer's wait (longest first), then id; read as two ranges of the index (account_id,
 *   work_status, reply_until, awaiting_since, id): `reply_until > greatest(now, cursor)` in order, then
 *   `reply_until IS NULL` by awaiting_since (one `NULLS LAST` query could not follow the index past the first group);
 *   questions and reviews, which have no deadline, read that second range alone on (account_id, type, work_status,
 *   awaiting_since, id), in order; support chats read both on the partial index `chats_support_queue_idx` (their kind
 *   is a negation no index column selects);
 * - unassigned: the same with `assignee_id IS NULL`, on (account_id, assignee_id, work_status, reply_until,
 *   awaiting_since, id);
 * - order low_rating (reviews of those two views): the lowest rating first, then the longest wait, then id, one range
 *   on (account_id, type, work_status, rating, awaiting_since, id); a review has no Ozon deadline, so the queue's
 *   admission stays the same as in the default order;
 * - mine: `account_id = $1 AND assignee_id = $me AND work_status IN (…)` by last activity, read in that order on
 *   (account_id, assignee_id, last_message_at DESC, id). Chats without a message come last, as in the chat list.
 *
 * A deadline passing between two pages only takes chats out of the queue: the order of those left does not change.
 */
export async function listQueueChats(
  db: Db,
  accountId: string,
  userId: string,
  request: ListQueueChatsRequest,
  now: Date = new Date(),
): Promise<ListCachedChatsResponse> {
  const { view, kind, order, cursor, limit } = listQueueChatsRequestSchema.parse(request);
  const kindWhere = chatKindWhere(kind);

  let rows: Chat[];
  let keyOf: (chat: Chat) => unknown;
  if (view === "mine") {
    const position = cursor === undefined ? null : decodeCursor(mineCursorSchema, cursor);
    keyOf = (chat) => ({ t: chat.lastMessageAt?.toISOString() ?? null, id: chat.id });
    const base: Prisma.ChatWhereInput = { accountId, assigneeId: userId, workStatus: { in: [...MINE_STATUSES] }, ...kindWhere };
    // The chat list's own keyset read (newest activity first, chats without a message last), on this view's rows.
    rows = await readChatRows(db, base, position, limit);
  } else if (order === "low_rating") {
    const position = cursor === undefined ? null : decodeCursor(ratingCursorSchema, cursor);
    keyOf = (chat) => ({ r: chat.rating, t: chat.awaitingSince!.toISOString(), id: chat.id });
    const t = position ? new Date(position.t) : null;
    const after: Prisma.ChatWhereInput =
      position === null || t === null
        ? {}
        : position.r === null
          ? { rating: null, OR: [{ awaitingSince: { gt: t } }, { awaitingSince: t, id: { gt: position.id } }] }
          : {
              OR: [
                { rating: { gt: position.r } },
                { rating: null },
                { rating: position.r, awaitingSince: { gt: t } },
                { rating: position.r, awaitingSince: t, id: { gt: position.id } },
              ],
            };
    rows = await db.chat.findMany({
      where: { AND: [queueBase(accountId, view, kindWhere), answerableWhere(now), after] },
      orderBy: [{ rating: { sort: "asc", nulls: "last" } }, { awaitingSince: "asc" }, { id: "asc" }],
      take: limit + 1,
    });
  } else {
    const position = cursor === undefined ? null : decodeCursor(queueCursorSchema, cursor);
    keyOf = (chat) => ({ d: chat.replyUntil?.toISOString() ?? null, t: chat.awaitingSince!.toISOString(), id: chat.id });
    const base = queueBase(accountId, view, kindWhere);
    rows = [];
    // Questions and reviews have no Ozon reply window (reply_until stays null, docs/questions-and-reviews.md): their
    // queue is the second range alone. Reading the first anyway walked every buyer chat with a deadline ahead
    // (40,000 at the bench's size) to find none.
    const mayHaveDeadline = kind !== "question" && kind !== "review";
    if (mayHaveDeadline && (position === null || position.d !== null)) {
      const d = position?.d ? new Date(position.d) : null;
      const t = position ? new Date(position.t) : null;
      rows.push(
        ...(await db.chat.findMany({
          where: {
            AND: [
              base,
              { replyUntil: { gt: now } },
              d && t && position
                ? {
                    OR: [
                      { replyUntil: { gt: d } },
                      { replyUntil: d, awaitingSince: { gt: t } },
                      { replyUntil: d, awaitingSince: t, id: { gt: position.id } },
                    ],
                  }
                : {},
            ],
          },
          orderBy: [{ replyUntil: "asc" }, { awaitingSince: "asc" }, { id: "asc" }],
          take: limit + 1,
        })),
      );
    }
    if (rows.length <= limit) {
      const t = position?.d === null ? new Date(position.t) : null;
      rows.push(
        ...(await db.chat.findMany({
          where: {
            AND: [
              base,
              { replyUntil: null, replyClosedReason: null },
              t && position ? { OR: [{ awaitingSince: { gt: t } }, { awaitingSince: t, id: { gt: position.id } }] } : {},
            ],
          },
          orderBy: [{ awaitingSince: "asc" }, { id: "asc" }],
          take: limit + 1 - rows.length,
        })),
      );
    }
  }

  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    // The reply state at the same instant the page was chosen by.
    chats: page.map((chat) => ({ ...toChatView(chat), replyState: computeReplyState(chat, now) })),
    nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
    totalUnread: await sumAccountUnread(db, accountId),
  };
}

/** Needs reply (and Unassigned: its unowned part) before Ozon's reply window is looked at. */
function queueBase(accountId: string, view: "needs_reply" | "unassigned", kindWhere: Prisma.ChatWhereInput): Prisma.ChatWhereInput {
  return {
    accountId,
    ...(view === "unassigned" ? { assigneeId: null } : {}),
    workStatus: "OPEN",
    awaitingSince: { not: null },
    status: "OPENED",
    replyRefusedAt: null,
    ...kindWhere,
  };
}

/** Ozon still lets us answer: a deadline ahead, or no window known (the two ranges the default order reads apart). */
function answerableWhere(now: Date): Prisma.ChatWhereInput {
  return { OR: [{ replyUntil: { gt: now } }, { replyUntil: null, replyClosedReason: null }] };
}
