import { listChats, type ListChatsParams, type OzonChatSummary, type OzonConnection } from "@/lib/ozon";

/**
 * Every page of /v3/chat/list, like lib/ozon's listAllChats, but calling `heartbeat` between pages: listing
 * a big shop takes long enough that the sync lease must be renewed meanwhile.
 */
export async function listEveryChat(
  connection: OzonConnection,
  params: Omit<ListChatsParams, "cursor">,
  hooks: { heartbeat: () => Promise<void>; onPage: () => void; signal?: AbortSignal },
): Promise<{ chats: OzonChatSummary[]; totalUnreadCount: number }> {
  const byId = new Map<string, OzonChatSummary>();
  const cursors = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    hooks.signal?.throwIfAborted();
    await hooks.heartbeat();
    hooks.onPage();
    const page = await listChats(connection, { ...params, ...(cursor ? { cursor } : {}) }, { signal: hooks.signal });
    // A chat that moved up while paging is kept where it was first seen; the next poll sees it at the top.
    for (const c of page.chats) if (!byId.has(c.chatId)) byId.set(c.chatId, c);
    // Stop rather than loop if Ozon says has_next without a new cursor.
    if (!page.hasNext || !page.cursor || cursors.has(page.cursor)) {
      return { chats: [...byId.values()], totalUnreadCount: page.totalUnreadCount };
    }
    cursors.add(page.cursor);
    cursor = page.cursor;
  }
}
