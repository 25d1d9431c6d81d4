import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Chat, Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { chatViewSchema, toChatView } from "@/lib/cache/chat-view";
import { sumAccountUnread } from "@/lib/cache/sum-account-unread";
import { chatKindSchema, chatKindWhere } from "./chat-kinds";

/** An empty query parameter (`?cursor=`) means "not given". */
const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

export const listCachedChatsRequestSchema = z.object({
  filter: optionalParam(z.enum(["all", "unread", "opened", "closed"], { error: "filter must be all, unread, opened or closed" })).default("all"),
  kind: optionalParam(chatKindSchema),
  cursor: optionalParam(z.string().max(500, { error: "cursor is not valid" })),
  limit: optionalParam(
    z.coerce.number({ error: "limit must be a whole number from 1 to 100" }).int({ error: "limit must be a whole number from 1 to 100" }).min(1, { error: "limit must be a whole number from 1 to 100" }).max(100, { error: "limit must be a whole number from 1 to 100" }),
  ).default(50),
});
export type ListCachedChatsRequest = z.input<typeof listCachedChatsRequestSchema>;

export const listCachedChatsResponseSchema = z.object({
  chats: z.array(chatViewSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  /** Unread messages over all the account's chats, whatever the filter. */
  totalUnread: z.number().int(),
});
export type ListCachedChatsResponse = z.infer<typeof listCachedChatsResponseSchema>;

const cursorSchema = z.object({ t: z.iso.datetime().nullable(), id: z.string().min(1).max(100) });
type ChatListPosition = z.infer<typeof cursorSchema>;

function encodeCursor(chat: Chat): string {
  const position: ChatListPosition = { t: chat.lastMessageAt?.toISOString() ?? null, id: chat.id };
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}

function decodeCursor(cursor: string): ChatListPosition {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("cursor_invalid");
  }
}

/**
 * The account's cached chats, newest activity first (chats without a message last), paged by keyset.
 *
 * Two queries instead of one `ORDER BY last_message_at DESC NULLS LAST`: the list index is
 * (account_id, last_message_at DESC, id), whose DESC puts NULLs first, so a single NULLS LAST query would
 * sort the whole account on every page. Chats with a message are read in index order; chats without one
 * (rare: just started) follow, ordered by id.
 */
export async function listCachedChats(
  db: Db,
  accountId: string,
  request: ListCachedChatsRequest,
): Promise<ListCachedChatsResponse> {
  const { filter, kind, cursor, limit } = listCachedChatsRequestSchema.parse(request);
  const position = cursor === undefined ? null : decodeCursor(cursor);

  const where: Prisma.ChatWhereInput = {
    accountId,
    ...(filter === "unread" ? { unreadCount: { gt: 0 } } : {}),
    ...(filter === "opened" ? { status: "OPENED" } : {}),
    ...(filter === "closed" ? { status: "CLOSED" } : {}),
    ...chatKindWhere(kind),
  };

  // The page and the account's unread total are independent: read at once.
  const [rows, totalUnread] = await Promise.all([readChatRows(db, where, position, limit), sumAccountUnread(db, accountId)]);

  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    chats: page.map((chat) => toChatView(chat)),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    totalUnread,
  };
}

/** One page (plus one, to know whether more follow) from `position` on, in the list's order. */
export async function readChatRows(db: Db, where: Prisma.ChatWhereInput, position: ChatListPosition | null, limit: number): Promise<Chat[]> {
  const rows: Chat[] = [];
  if (position === null || position.t !== null) {
    const after = position?.t ? new Date(position.t) : null;
    rows.push(
      ...(await db.chat.findMany({
        where: {
          AND: [
            where,
            { lastMessageAt: { not: null } },
            after && position
              ? { OR: [{ lastMessageAt: { lt: after } }, { lastMessageAt: after, id: { gt: position.id } }] }
              : {},
          ],
        },
        orderBy: [{ lastMessageAt: "desc" }, { id: "asc" }],
        take: limit + 1,
      })),
    );
  }
  if (rows.length <= limit) {
    rows.push(
      ...(await db.chat.findMany({
        where: { AND: [where, { lastMessageAt: null }, position?.t === null ? { id: { gt: position.id } } : {}] },
        orderBy: { id: "asc" },
        take: limit + 1 - rows.length,
      })),
    );
  }

  return rows;
}
