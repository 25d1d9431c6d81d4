import type { ChatKind } from "@/lib/chats/chat-kind-of";
import type { InboxChoices, InboxView } from "@/lib/team/inbox-choices";
import type { QueueOrder } from "@/lib/team/queue-views";

export type ChatFilter = "all" | "unread" | "opened" | "closed";

/** Which chats the inbox lists: a kind, and the whole list with a filter (`view` "all") or one of the team's views. */
export type ChatListChoice = { kind: ChatKind; filter: ChatFilter; view: InboxView; order?: QueueOrder };

const PAGE_SIZE = "30";

/** Low ratings first is an order of the queue's reviews only (lib/team/queue-views.ts). */
export function listOrdersReviews(kind: ChatKind, view: InboxView): boolean {
  return kind === "review" && (view === "needs_reply" || view === "unassigned");
}

/** The list the inbox shows for a kind and a filter under the remembered choices. */
export function chooseChatList(kind: ChatKind, filter: ChatFilter, { view, reviewOrder }: InboxChoices): ChatListChoice {
  return { kind, filter, view, ...(listOrdersReviews(kind, view) && reviewOrder === "low_rating" ? { order: reviewOrder } : {}) };
}

/**
 * What a page of a chosen list is read from: the chat list's API (`chats`, lib/chats/list-cached-chats.ts) or the
 * queue's (`queue`, lib/team/list-queue-chats.ts), with its query. One place for the browser's fetch and the server's
 * first render of the list, so both read the same page.
 */
export function chatListRequest({ kind, filter, view, order }: ChatListChoice, cursor: string | null): { source: "chats" | "queue"; params: URLSearchParams } {
  const params = view === "all" ? new URLSearchParams({ kind, filter, limit: PAGE_SIZE }) : new URLSearchParams({ kind, view, limit: PAGE_SIZE });
  if (view !== "all" && order) params.set("order", order);
  if (cursor) params.set("cursor", cursor);
  return { source: view === "all" ? "chats" : "queue", params };
}
