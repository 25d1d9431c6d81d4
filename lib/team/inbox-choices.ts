import { readCookie } from "@/lib/text/read-cookie";
import { QUEUE_ORDERS, QUEUE_VIEWS, type QueueOrder } from "./queue-views";

/** The inbox's views: the team's queue views and the whole chat list ("all"). */
const INBOX_VIEWS = [...QUEUE_VIEWS, "all"] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

/**
 * Where a browser remembers the inbox's view and the queue's review order: cookies, not localStorage, so the server
 * renders the list the agent chose on the first paint (a year, like the language).
 */
export const INBOX_CHOICE_COOKIES = { view: "seller-inbox-view", reviewOrder: "seller-inbox-review-order" } as const;
const DEFAULT_INBOX_CHOICES: InboxChoices = { view: "needs_reply", reviewOrder: "deadline" };

export type InboxChoices = { view: InboxView; reviewOrder: QueueOrder };

function oneOf<T extends string>(choices: readonly T[], value: string | undefined, fallback: T): T {
  return choices.includes(value as T) ? (value as T) : fallback;
}

/** The remembered choices of a Cookie header (or document.cookie); the defaults for what is missing or unknown. */
export function readInboxChoices(cookies: string | null | undefined): InboxChoices {
  return {
    view: oneOf(INBOX_VIEWS, readCookie(cookies, INBOX_CHOICE_COOKIES.view), DEFAULT_INBOX_CHOICES.view),
    reviewOrder: oneOf(QUEUE_ORDERS, readCookie(cookies, INBOX_CHOICE_COOKIES.reviewOrder), DEFAULT_INBOX_CHOICES.reviewOrder),
  };
}
