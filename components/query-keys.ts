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
      chats: (filter: { filter?: string; kind?: string } = {}) => [...all, "chats", filter] as const,
      /** Prefix of every chat list of the account (each filter and kind), for cache-wide updates. */
      chatLists: () => [...all, "chats"] as const,
      /** GET chats/[chatId]/messages, paged backwards by `before` (an infinite query). */
      messages: (chatId: string) => [...all, "messages", chatId] as const,
      /** Mutation key of sends and retries from the inbox to one chat (texts and files). */
      sendToChat: (chatId: string) => [...all, "send", chatId] as const,
      /** GET postings?search=: the account's recent postings (prefix of every search). */
      postings: (search?: string) => (search === undefined ? ([...all, "postings"] as const) : ([...all, "postings", { search }] as const)),
      /** GET postings/[postingNumber]: one posting for the order page. */
      posting: (postingNumber: string) => [...all, "posting", postingNumber] as const,
      /** GET push: the account's push URL and options (administrators only). */
      push: () => [...all, "push"] as const,
    };
  },
  /** GET /api/admin/users as answered ({ users }): administrators only. */
  users: () => ["users"] as const,
};
