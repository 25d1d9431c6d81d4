/** POST /v3/chat/list — one page of chats (cursor paging), and listAllChats to follow the cursor to the end. */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { ozonRequest, parseRequest } from "./request";
import { countSchema, isBuyerChatType, normalizeChatType, ozonIdSchema, type OzonMessageId } from "./schemas";

export const LIST_CHATS_PATH = "/v3/chat/list";
export const LIST_CHATS_MAX_LIMIT = 100;

export const listChatsRequestSchema = z.object({
  filter: z
    .object({
      chat_status: z.enum(["ALL", "OPENED", "CLOSED"]).optional(),
      unread_only: z.boolean().optional(),
    })
    .optional(),
  limit: z
    .number()
    .int()
    .min(1, { error: `limit must be 1 to ${LIST_CHATS_MAX_LIMIT}` })
    .max(LIST_CHATS_MAX_LIMIT, { error: `limit must be 1 to ${LIST_CHATS_MAX_LIMIT}` }),
  cursor: z.string().optional(),
});
export type ListChatsRequest = z.input<typeof listChatsRequestSchema>;

export type OzonChatSummary = {
  chatId: string;
  /** Upper-cased: "OPENED" | "CLOSED" | "UNSPECIFIED" | ... */
  chatStatus: string;
  /** Upper-cased: "BUYER_SELLER", "SELLER_SUPPORT", ... */
  chatType: string;
  chatTypeRaw: string;
  /** BUYER_SELLER or BUYER_SELLER_SELECT. */
  isBuyerChat: boolean;
  createdAt: string;
  /** "0" when there is none (Ozon's convention). */
  firstUnreadMessageId: OzonMessageId;
  /** "0" when the chat has no message. */
  lastMessageId: OzonMessageId;
  unreadCount: number;
};

const chatInfoSchema = z
  .object({
    chat: z.object({
      chat_id: z.string().min(1),
      chat_status: z.string(),
      chat_type: z.string(),
      created_at: z.string(),
    }),
    first_unread_message_id: ozonIdSchema.optional(),
    last_message_id: ozonIdSchema.optional(),
    unread_count: countSchema.optional(),
  })
  .transform(
    (c): OzonChatSummary => ({
      chatId: c.chat.chat_id,
      chatStatus: c.chat.chat_status.toUpperCase(),
      chatType: normalizeChatType(c.chat.chat_type),
      chatTypeRaw: c.chat.chat_type,
      isBuyerChat: isBuyerChatType(c.chat.chat_type),
      createdAt: c.chat.created_at,
      firstUnreadMessageId: c.first_unread_message_id ?? "0",
      lastMessageId: c.last_message_id ?? "0",
      unreadCount: c.unread_count ?? 0,
    }),
  );

export const listChatsResponseSchema = z
  .object({
    chats: z.array(chatInfoSchema).nullish(),
    total_unread_count: countSchema.optional(),
    cursor: z.string().nullish(),
    // Ozon's examples show has_next as the string "true"; accept both.
    has_next: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]).optional(),
  })
  .transform((r) => ({
    chats: r.chats ?? [],
    totalUnreadCount: r.total_unread_count ?? 0,
    cursor: r.cursor ?? "",
    hasNext: r.has_next ?? false,
  }));
export type ListChatsResult = z.output<typeof listChatsResponseSchema>;

export type ListChatsParams = {
  /** 1..100 (default 100). */
  limit?: number;
  /** From the previous page; absent or "" = first page. */
  cursor?: string;
  chatStatus?: "ALL" | "OPENED" | "CLOSED";
  unreadOnly?: boolean;
};

function toWire(params: ListChatsParams): ListChatsRequest {
  const filter: NonNullable<ListChatsRequest["filter"]> = {};
  if (params.chatStatus !== undefined) filter.chat_status = params.chatStatus;
  if (params.unreadOnly !== undefined) filter.unread_only = params.unreadOnly;
  return {
    ...(Object.keys(filter).length ? { filter } : {}),
    limit: params.limit ?? LIST_CHATS_MAX_LIMIT,
    ...(params.cursor ? { cursor: params.cursor } : {}),
  };
}

/** One page of chats, newest activity first. */
export async function listChats(
  conn: OzonConnection,
  params: ListChatsParams = {},
  opts?: OzonCallOptions,
): Promise<ListChatsResult> {
  const body = parseRequest(listChatsRequestSchema, toWire(params), LIST_CHATS_PATH);
  return ozonRequest(conn, { path: LIST_CHATS_PATH, body, schema: listChatsResponseSchema, idempotent: true }, opts);
}

export type ListAllChatsResult = {
  /** Every chat, deduplicated by chatId (first occurrence kept: a chat that moved during paging is not doubled). */
  chats: OzonChatSummary[];
  /** From the last page. */
  totalUnreadCount: number;
  pages: number;
  /** false when paging stopped at maxPages, or Ozon said has_next without giving a new cursor. */
  complete: boolean;
};

/** Follows the cursor to the end (or maxPages, default 1000). */
export async function listAllChats(
  conn: OzonConnection,
  params: Omit<ListChatsParams, "cursor"> & { maxPages?: number } = {},
  opts?: OzonCallOptions,
): Promise<ListAllChatsResult> {
  const { maxPages = 1000, ...rest } = params;
  const seen = new Set<string>();
  const cursors = new Set<string>();
  const chats: OzonChatSummary[] = [];
  let cursor: string | undefined;
  let pages = 0;
  let totalUnreadCount = 0;
  for (;;) {
    const page = await listChats(conn, { ...rest, ...(cursor ? { cursor } : {}) }, opts);
    pages++;
    totalUnreadCount = page.totalUnreadCount;
    for (const c of page.chats) {
      if (seen.has(c.chatId)) continue;
      seen.add(c.chatId);
      chats.push(c);
    }
    if (!page.hasNext) return { chats, totalUnreadCount, pages, complete: true };
    // Guard against a server that says has_next but gives no new cursor: stop instead of looping.
    if (!page.cursor || cursors.has(page.cursor) || pages >= maxPages)
      return { chats, totalUnreadCount, pages, complete: false };
    cursors.add(page.cursor);
    cursor = page.cursor;
  }
}
