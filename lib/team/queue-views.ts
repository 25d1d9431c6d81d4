/**
 * The team's views of an account's chats (lib/team/list-queue-chats.ts; the browser's live updates apply the same
 * rules, components/query-cache/chat-list-rules.ts, held equal to these by its test):
 *
 * - `needs_reply`: the buyer awaits a reply (awaiting_since set), the chat is OPEN (not snoozed, not resolved) and
 *   Ozon's reply window is not closed (a chat whose window closed leaves it, the chat list shows why); the Ozon
 *   deadline soonest first, chats without a known deadline after them, each by the longest wait. The default view.
 * - `unassigned`: the part of needs_reply that nobody owns (the pool), in the same order.
 *   With the order `low_rating` (reviews only, docs/questions-and-reviews.md): the lowest rating first (a review has
 *   no Ozon deadline), each rating by the longest wait.
 * - `mine`: the caller's chats that are not resolved, newest activity first.
 * - `all`: every chat (the chat list with its filters, lib/chats/list-cached-chats.ts).
 */
export const QUEUE_VIEWS = ["needs_reply", "mine", "unassigned"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** How Needs reply and Unassigned may be ordered: Ozon's deadline and the wait (the default), or reviews' low ratings first. */
export const QUEUE_ORDERS = ["deadline", "low_rating"] as const;
export type QueueOrder = (typeof QUEUE_ORDERS)[number];

/** Our statuses a chat in "Mine" may have. */
export const MINE_STATUSES = ["OPEN", "WAITING", "SNOOZED"] as const;
