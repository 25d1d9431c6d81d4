import { z } from "zod";
import { workableAccountsWhere } from "@/lib/accounts/workable-accounts-where";
import type { ChatKind } from "@/lib/chats/chat-kind-of";
import { chatKindSchema } from "@/lib/chats/chat-kinds";
import { chatViewSchema, toChatView } from "@/lib/cache/chat-view";
import type { Db } from "@/lib/db/client";
import { Prisma, type Chat } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { classifySearchQuery } from "./classify-search-query";
import { HIGHLIGHT_START, HIGHLIGHT_STOP, splitHighlight } from "./split-highlight";

const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

export const searchChatsRequestSchema = z.object({
  q: z.string({ error: "q is required" }).trim().min(1, { error: "q must not be empty" }).max(200, { error: "q must be at most 200 characters" }),
  accountId: optionalParam(z.string().max(100)),
  kind: optionalParam(chatKindSchema),
  status: optionalParam(z.enum(["OPENED", "CLOSED"], { error: "status must be OPENED or CLOSED" })),
  /** Whose chats: "me" (the signed-in user's), "unassigned" (the pool), or a user's id. */
  owner: optionalParam(z.string().max(100, { error: "owner must be me, unassigned or a user's id" })),
  /** Messages written on or after this day / moment (ISO). */
  from: optionalParam(z.coerce.date({ error: "from must be a date" })),
  /** Messages written before the end of this day (a bare date) or this moment. */
  to: optionalParam(z.string().regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/, { error: "to must be a date" })),
  cursor: optionalParam(z.string().max(300)),
  limit: optionalParam(z.coerce.number().int().min(1).max(50)).default(20),
});
export type SearchChatsRequest = z.input<typeof searchChatsRequestSchema>;

const highlightPartSchema = z.object({ text: z.string(), match: z.boolean() });

export const searchResultSchema = z.object({
  chat: chatViewSchema,
  accountId: z.string(),
  accountName: z.string(),
  /** The matching message (the newest one of this chat on this page); null when the chat itself matched (a number). */
  message: z
    .object({ id: z.string(), authorType: z.string(), createdAt: z.iso.datetime(), snippet: z.array(highlightPartSchema) })
    .nullable(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchChatsResponseSchema = z.object({
  results: z.array(searchResultSchema),
  /** What the query was taken for: words, or an exact posting/order number or SKU. */
  matchedAs: z.enum(["words", "posting", "order", "sku"]),
  nextCursor: z.string().nullable(),
});
export type SearchChatsResponse = z.infer<typeof searchChatsResponseSchema>;

type MessageHit = { id: string; chat_id: string; ozon_message_id: bigint; author_type: string; created_at: Date; snippet: string };

// ts_headline drops anything that looks like an HTML tag: "<" is hidden from it and put back after.
const TAG_OPEN = "\u0003";
// A short message is shown whole; a long one by its fragments around the matches.
const SHORT_MESSAGE_CHARS = 240;
const WHOLE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, HighlightAll=true`;
const FRAGMENT_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;

/** The chats of a kind, as lib/chats/chat-kinds.ts draws them: "support" is neither a buyer's chat nor an item. */
function kindSql(kind: ChatKind): Prisma.Sql {
  switch (kind) {
    case "buyer":
      return Prisma.sql`c.is_buyer_chat`;
    case "support":
      return Prisma.sql`NOT c.is_buyer_chat AND c.type NOT IN ('question', 'review')`;
    default:
      return Prisma.sql`c.type = ${kind}`;
  }
}

/**
 * Searches every chat the user may work (administrators: every account; agents: their accounts only, whatever
 * `accountId` asks; `owner` narrows to the user's own chats, the unassigned ones or an agent's) for words of its messages (Russian and English stems, PostgreSQL full-text search over
 * messages.search_vector), or exactly for a posting number, an order number or a SKU. Results are chats, newest
 * matching message first, each with that message's snippet (matches marked as parts, never HTML), paged by the
 * message's (created_at, id).
 */
export async function searchChats(db: Db, user: { id: string; role: "ADMIN" | "AGENT" }, request: SearchChatsRequest | Record<string, string>): Promise<SearchChatsResponse> {
  const input = searchChatsRequestSchema.parse(request);
  const query = classifySearchQuery(input.q);
  const accounts = await db.sellerAccount.findMany({
    where: { AND: [workableAccountsWhere(user), input.accountId ? { id: input.accountId } : {}] },
    select: { id: true, name: true },
  });
  const empty: SearchChatsResponse = { results: [], matchedAs: query.kind, nextCursor: null };
  if (accounts.length === 0) return empty;
  const accountIds = accounts.map((a) => a.id);
  const position = input.cursor ? decodeCursor(input.cursor) : null;

  const chatFilters = [
    Prisma.sql`c.account_id IN (${Prisma.join(accountIds)})`,
    ...(input.kind ? [kindSql(input.kind)] : []),
    ...(input.status ? [Prisma.sql`c.status = ${input.status}::chat_status`] : []),
    ...(input.owner === undefined
      ? []
      : input.owner === "unassigned"
        ? [Prisma.sql`c.assignee_id IS NULL`]
        : [Prisma.sql`c.assignee_id = ${input.owner === "me" ? user.id : input.owner}`]),
  ];
  const messageFilters = [
    ...(input.from ? [Prisma.sql`m.created_at >= ${input.from}`] : []),
    ...(input.to ? [Prisma.sql`m.created_at < ${endOf(input.to)}`] : []),
    ...(position ? [Prisma.sql`(m.created_at, m.id) < (${new Date(position.t)}, ${position.id})`] : []),
  ];

  // Chats whose own order or posting number is the query (first page only; they come before message matches).
  const chatHitIds =
    position === null && (query.kind === "posting" || query.kind === "order")
      ? await db.$queryRaw<{ id: string }[]>`
          SELECT c.id FROM chats c
          WHERE (c.posting_number = ${query.value} OR c.order_number = ${query.value}) AND ${Prisma.join(chatFilters, " AND ")}
          ORDER BY c.last_message_at DESC NULLS LAST LIMIT ${input.limit}`
      : [];

  const match =
    query.kind === "words"
      ? Prisma.sql`m.search_vector @@ (websearch_to_tsquery('russian', ${query.value}) || websearch_to_tsquery('english', ${query.value}))`
      : query.kind === "sku"
        ? Prisma.sql`m.sku = ${query.value}`
        : Prisma.sql`m.order_number = ${query.value}`;
  const snippet =
    query.kind === "words"
      ? Prisma.sql`ts_headline('russian', replace(hit.text, '<', ${TAG_OPEN}),
          websearch_to_tsquery('russian', ${query.value}) || websearch_to_tsquery('english', ${query.value}),
          CASE WHEN length(hit.text) <= ${SHORT_MESSAGE_CHARS} THEN ${WHOLE_OPTIONS} ELSE ${FRAGMENT_OPTIONS} END)`
      : Prisma.sql`left(hit.text, 200)`;
  const hits = await db.$queryRaw<MessageHit[]>`
    SELECT hit.id, hit.chat_id, hit.ozon_message_id, hit.author_type, hit.created_at, ${snippet} AS snippet
    FROM (
      SELECT m.id, m.chat_id, m.ozon_message_id, m.author_type, m.created_at, m.text
      FROM messages m JOIN chats c ON c.id = m.chat_id
      WHERE ${match} AND ${Prisma.join([...chatFilters, ...messageFilters], " AND ")}
      ORDER BY m.created_at DESC, m.id DESC
      LIMIT ${input.limit + 1}
    ) hit
    ORDER BY hit.created_at DESC, hit.id DESC`;

  const page = hits.slice(0, input.limit);
  const seen = new Set(chatHitIds.map((row) => row.id));
  const firstHits = page.filter((hit) => !seen.has(hit.chat_id) && seen.add(hit.chat_id));
  const wanted = [...chatHitIds.map((row) => row.id), ...firstHits.map((hit) => hit.chat_id)];
  const chats = wanted.length > 0 ? await db.chat.findMany({ where: { id: { in: wanted } } }) : [];
  const chatsById = new Map(chats.map((chat) => [chat.id, chat]));
  const chatHits = chatHitIds.map((row) => chatsById.get(row.id)).filter((chat): chat is Chat => chat !== undefined);
  const names = new Map(accounts.map((a) => [a.id, a.name]));
  const result = (chat: Chat, message: SearchResult["message"]): SearchResult => ({
    chat: toChatView(chat),
    accountId: chat.accountId,
    accountName: names.get(chat.accountId) ?? "",
    message,
  });

  const last = page[page.length - 1];
  return {
    results: [
      ...chatHits.map((chat) => result(chat, null)),
      ...firstHits.map((hit) =>
        result(chatsById.get(hit.chat_id)!, {
          id: hit.ozon_message_id.toString(),
          authorType: hit.author_type,
          createdAt: hit.created_at.toISOString(),
          snippet: splitHighlight(hit.snippet.replaceAll(TAG_OPEN, "<")),
        }),
      ),
    ],
    matchedAs: query.kind,
    nextCursor: hits.length > input.limit && last ? encodeCursor({ t: last.created_at.toISOString(), id: last.id }) : null,
  };
}

const cursorSchema = z.object({ t: z.iso.datetime(), id: z.string().min(1).max(100) });

function encodeCursor(position: z.infer<typeof cursorSchema>): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}

function decodeCursor(cursor: string): z.infer<typeof cursorSchema> {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("cursor_invalid");
  }
}

/** The end of a bare day (the next midnight, UTC), or the moment given. */
function endOf(to: string): Date {
  const date = new Date(to);
  if (Number.isNaN(date.getTime())) throw new AppError("date_invalid", { field: "to" });
  return /^\d{4}-\d{2}-\d{2}$/.test(to) ? new Date(date.getTime() + 24 * 60 * 60 * 1000) : date;
}
