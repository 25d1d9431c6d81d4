import type { SearchResult } from "@/lib/search/search-chats";

/** Where a search result opens: its chat, at the matching message when there is one. */
export function searchResultHref(result: SearchResult): string {
  const params = new URLSearchParams({ account: result.accountId });
  if (result.message) params.set("message", result.message.id);
  return `/inbox/${encodeURIComponent(result.chat.id)}?${params.toString()}`;
}
