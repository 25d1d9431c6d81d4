/**
 * Every TanStack Query key the UI uses, from one factory, so invalidation can target a whole branch
 * (`queryKeys.ozon.all`) and no component writes a key inline.
 */
export const queryKeys = {
  ozon: {
    all: ["ozon"] as const,
    chats: () => [...queryKeys.ozon.all, "chats"] as const,
  },
};
