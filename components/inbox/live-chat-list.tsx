"use client";

import { useQuery } from "@tanstack/react-query";
import { queryKeys } from "@/components/query-keys";
import { fetchJson } from "@/components/fetch-json";
import type { LiveChatsResponse } from "@/lib/chats/list-live-chats";

const CHAT_KIND_LABEL: Record<string, string> = {
  BUYER_SELLER: "Buyer",
  BUYER_SELLER_SELECT: "Buyer (Ozon Select)",
  SELLER_SUPPORT: "Ozon support",
};

export function LiveChatList() {
  const chats = useQuery({
    queryKey: queryKeys.ozon.chats(),
    queryFn: () => fetchJson<LiveChatsResponse>("/api/ozon/chats"),
  });

  if (chats.isPending) return <p role="status">Loading chats…</p>;
  if (chats.isError)
    return (
      <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-800">
        <p>{chats.error.message}</p>
        <button type="button" className="mt-2 rounded bg-red-700 px-3 py-1 text-white" onClick={() => void chats.refetch()}>
          Try again
        </button>
      </div>
    );

  const { chats: rows, totalUnread, hasMore } = chats.data;
  return (
    <nav aria-label="Chats">
      <p className="mb-3 text-sm text-slate-700">
        <span data-testid="total-unread">{totalUnread}</span> unread in all chats
      </p>
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
        {rows.map((chat) => (
          <li key={chat.chatId} className="flex items-center justify-between gap-3 px-4 py-3">
            <div className="min-w-0">
              <p className="font-medium">{CHAT_KIND_LABEL[chat.type] ?? "Ozon notifications"}</p>
              <p className="truncate text-xs text-slate-600">
                {chat.status === "CLOSED" ? "Closed · " : ""}
                <time dateTime={chat.createdAt}>{new Date(chat.createdAt).toLocaleString()}</time> · {chat.chatId}
              </p>
            </div>
            {chat.unreadCount > 0 && (
              <span aria-label={`${chat.unreadCount} unread`} className="rounded-full bg-blue-700 px-2 py-0.5 text-xs font-semibold text-white">
                {chat.unreadCount}
              </span>
            )}
          </li>
        ))}
      </ul>
      {hasMore && <p className="mt-3 text-sm text-slate-600">Showing the first {rows.length} chats.</p>}
    </nav>
  );
}
