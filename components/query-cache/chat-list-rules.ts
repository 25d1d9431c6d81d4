import type { ChatListQuery } from "@/components/query-keys";
import type { ChatView } from "@/lib/cache/chat-view";
import { chatKindOf } from "@/lib/chats/chat-kind-of";
import { MINE_STATUSES } from "@/lib/team/queue-views";

/**
 * The chat lists' rules as the browser applies them to a chat a live event or an action brought: which loaded lists
 * show it, and where. The server's lists are SQL (lib/chats/list-cached-chats.ts, lib/team/list-queue-chats.ts);
 * chat-list-rules.test.ts holds these rules equal to them for every view, filter and kind, membership and order.
 */

/** Whether the list of `query` shows the chat. */
export function chatListAdmits(query: ChatListQuery, chat: ChatView): boolean {
  // Every chat is of one kind (lib/chats/chat-kind-of.ts).
  if (query.kind && chatKindOf(chat) !== query.kind) return false;
  switch (query.view) {
    case "needs_reply":
      return awaitsReply(chat);
    case "unassigned":
      return awaitsReply(chat) && chat.assigneeId === null;
    case "mine":
      return chat.assigneeId !== null && chat.assigneeId === query.me && (MINE_STATUSES as readonly string[]).includes(chat.workStatus);
  }
  switch (query.filter) {
    case "unread":
      return chat.unreadCount > 0;
    case "opened":
      return chat.status === "OPENED";
    case "closed":
      return chat.status === "CLOSED";
  }
  return true;
}

/**
 * The list's order, as a sort comparator (negative: `a` first). Needs reply and Unassigned: Ozon's deadline soonest
 * first (chats without a known deadline after them), then the buyer who has waited longest, or with the order
 * "low_rating" the lowest rating first (none: last), then the longest wait; every other list: newest activity first,
 * chats without a message last; then by id.
 */
export function compareChatsInList(query: ChatListQuery, a: ChatView, b: ChatView): number {
  const byTime = !isQueueOrdered(query)
    ? -compareTimes(a.lastMessageAt, b.lastMessageAt, -Infinity)
    : query.order === "low_rating"
      ? compareRatings(a.feedback?.rating ?? null, b.feedback?.rating ?? null) || compareTimes(a.awaitingSince, b.awaitingSince)
      : compareTimes(a.replyState.until, b.replyState.until) || compareTimes(a.awaitingSince, b.awaitingSince);
  return byTime !== 0 ? byTime : compareText(a.id, b.id);
}

function isQueueOrdered(query: ChatListQuery): boolean {
  return query.view === "needs_reply" || query.view === "unassigned";
}

/**
 * The team's Needs reply: the buyer awaits an answer, the chat is open (not snoozed, not resolved), and Ozon still
 * lets us answer (the server's reply state: a closed window takes the chat out).
 */
function awaitsReply(chat: ChatView): boolean {
  return chat.workStatus === "OPEN" && chat.awaitingSince !== null && chat.replyState.canReply;
}

/** Ascending by instant; a missing time counts as `missing` (the lists' NULLS placement). */
function compareTimes(a: string | null, b: string | null, missing = Infinity): number {
  const at = a === null ? missing : Date.parse(a);
  const bt = b === null ? missing : Date.parse(b);
  return at === bt ? 0 : at < bt ? -1 : 1;
}

/** Ascending; a missing rating last (the server's NULLS LAST). */
function compareRatings(a: number | null, b: number | null): number {
  const an = a ?? Infinity;
  const bn = b ?? Infinity;
  return an === bn ? 0 : an < bn ? -1 : 1;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
