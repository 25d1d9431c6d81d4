import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/components/query-keys";
import type { SavedReplyView } from "@/lib/replies/saved-reply-view";

const CHAT_REPLIES = queryKeys.account("").chatReplies("")[2];

/** GET /api/replies: the replies the user sees, and whether they may write the team's (the server decides both). */
export type SavedReplyListResponse = { replies: SavedReplyView[]; mayWriteTeam: boolean };

/** The server's order of the list (lib/replies/list-saved-replies): by title, then id. */
function byTitle(a: SavedReplyView, b: SavedReplyView): number {
  return a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function edit(queryClient: QueryClient, change: (replies: SavedReplyView[]) => SavedReplyView[]): void {
  queryClient.setQueryData<SavedReplyListResponse>(queryKeys.savedReplies(), (list) => (list ? { ...list, replies: change(list.replies).sort(byTitle) } : list));
}

/**
 * A reply in the settings list at its place by title: a new one, one changed (optimistically or as the server
 * answered), or one put back after a refused delete. `replacing` is the id it takes the place of (a created reply's
 * stand-in until the server gave its id).
 */
export function putSavedReply(queryClient: QueryClient, reply: SavedReplyView, replacing: string = reply.id): void {
  edit(queryClient, (replies) => [...replies.filter((item) => item.id !== replacing && item.id !== reply.id), reply]);
}

/** A reply out of the settings list: deleted, or a stand-in whose create the server refused. */
export function removeSavedReply(queryClient: QueryClient, id: string): void {
  edit(queryClient, (replies) => replies.filter((item) => item.id !== id));
}

/** A reply of the settings list as the cache holds it now (what an optimistic change puts back when refused). */
export function findSavedReply(queryClient: QueryClient, id: string): SavedReplyView | undefined {
  return queryClient.getQueryData<SavedReplyListResponse>(queryKeys.savedReplies())?.replies.find((item) => item.id === id);
}

/**
 * The settings list is read again, and so is every chat's list of replies the tab holds (the composer's "/"), since
 * a reply was added, changed, removed or imported. In-flight reads are cancelled first by the caller when it edits.
 */
export function refreshSavedReplies(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.savedReplies() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.accounts(), predicate: (query) => query.queryKey[2] === CHAT_REPLIES }),
  ]).then(() => undefined);
}

/** Stops a read of the list in flight, so its older answer does not overwrite an optimistic change. */
export function holdSavedReplies(queryClient: QueryClient): Promise<void> {
  return queryClient.cancelQueries({ queryKey: queryKeys.savedReplies() });
}
