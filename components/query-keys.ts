/**
 * Every TanStack Query key the UI uses, from one factory, so invalidation can target a whole branch
 * (`queryKeys.account(id).all`) and no component writes a key inline.
 */
export const queryKeys = {
  accounts: () => ["accounts"] as const,
  account: (accountId: string) => {
    const all = ["accounts", accountId] as const;
    return {
      all,
      chats: (filter: { filter?: string; kind?: string } = {}) => [...all, "chats", filter] as const,
    };
  },
};
