import type { ChatKind } from "@/lib/chats/chat-kind-of";
import type { QueueOrder, QueueView } from "@/lib/team/queue-views";

/**
 * Which chats one chat list shows: a kind and a filter (the chat list, view "all"), or one of the team's views for
 * the agent `me`. It is the list's query key, and the browser's list rules (components/query-cache/chat-list-rules.ts)
 * read it to keep a loaded list in step with the server's.
 */
export type ChatListQuery = {
  kind?: ChatKind;
  filter?: "all" | "unread" | "opened" | "closed";
  view?: "all" | QueueView;
  me?: string;
  /** Needs reply / Unassigned of reviews: "low_rating" puts the lowest rating first (absent: the default order). */
  order?: QueueOrder;
};

/**
 * Every TanStack Query key the UI uses, from one factory, so invalidation can target a whole branch
 * (`queryKeys.account(id).all`) and no component writes a key inline.
 */
export const queryKeys = {
  /** GET /api/accounts as answered ({ accounts }); also the prefix of every account's own branch. */
  accounts: () => ["accounts"] as const,
  account: (accountId: string) => {
    const all = ["accounts", accountId] as const;
    return {
      all,
      chats: (query: ChatListQuery = {}) => [...all, "chats", query] as const,
      /** Prefix of every chat list of the account (each filter and kind), for cache-wide updates. */
      chatLists: () => [...all, "chats"] as const,
      /** GET chats/[chatId]/messages, paged backwards by `before` (an infinite query). */
      messages: (chatId: string) => [...all, "messages", chatId] as const,
      /** GET chats/[chatId]/order: the chat's postings (read from Ozon when they may have changed) and the chat. */
      chatOrder: (chatId: string) => [...all, "chat-order", chatId] as const,
      /** Mutation key of sends and retries from the inbox to one chat (texts and files). */
      sendToChat: (chatId: string) => [...all, "send", chatId] as const,
      /** GET postings?search=: the account's recent postings (prefix of every search). */
      postings: (search?: string) => (search === undefined ? ([...all, "postings"] as const) : ([...all, "postings", { search }] as const)),
      /** GET postings/[postingNumber]: one posting for the order page. */
      posting: (postingNumber: string) => [...all, "posting", postingNumber] as const,
      /** GET chats/[chatId]/replies: the saved replies for a chat, best first, with its variables' values. */
      chatReplies: (chatId: string) => [...all, "replies", chatId] as const,
      /** GET agents: who may work the account (owners, mentions). */
      agents: () => [...all, "agents"] as const,
      /** GET queue/counts: the counts of the team views, for the signed-in agent. */
      queueCounts: () => [...all, "queue-counts"] as const,
      /** The open chat as the last live event showed it (set by the live stream only). */
      chat: (chatId: string) => [...all, "chat", chatId] as const,
      /** GET chats/[chatId]/activities: the chat's team trail. */
      activities: (chatId: string) => [...all, "activities", chatId] as const,
      /** Who else has the chat open (POST chats/[chatId]/presence answers it; live "presence" events update it). */
      presence: (chatId: string) => [...all, "presence", chatId] as const,
      /** GET metrics?range=…: the metrics page's figures for a range. */
      metrics: (query: string) => [...all, "metrics", query] as const,
      /** GET metrics/ozon: Ozon's chat ratings of the shop (administrators only). */
      ozonRatings: () => [...all, "ozon-ratings"] as const,
      /** GET push: the account's push URL and options (administrators only). */
      push: () => [...all, "push"] as const,
      /** GET auto-assign: the account's automatic assignment (administrators only). */
      autoAssign: () => [...all, "auto-assign"] as const,
    };
  },
  /** GET /api/admin/users as answered ({ users }): administrators only. */
  users: () => ["users"] as const,
  /** GET /api/me/notify-settings as answered ({ notify }): the signed-in user's notification choices. */
  notifySettings: () => ["notify-settings"] as const,
  /** GET /api/replies as answered ({ replies }): the saved replies the user sees, each with whether they may change it. */
  savedReplies: () => ["saved-replies"] as const,
  /** GET /api/search for a query and its filters (an infinite query, paged by cursor). */
  search: (q: string, filters: Record<string, string>) => ["search", q, filters] as const,
};
