"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import { queryKeys } from "@/components/query-keys";
import type { AccountSummary } from "@/lib/accounts/load-account-summaries";
import type { ListCachedChatsResponse } from "@/lib/chats/list-cached-chats";

const CHAT_KIND_LABEL: Record<string, string> = {
  buyer_seller: "Buyer",
  buyer_seller_select: "Buyer (Ozon Select)",
  seller_support: "Ozon support",
};

// Until real-time updates arrive, the list stays fresh by refetching.
const REFETCH_INTERVAL_MS = 5_000;

/** `isAdmin`: the key's expiry concerns whoever can replace it. */
export function AccountChats({ account, isAdmin }: { account: AccountSummary; isAdmin: boolean }) {
  const chats = useQuery({
    queryKey: queryKeys.account(account.id).chats(),
    queryFn: () => fetchJson<ListCachedChatsResponse>(`/api/accounts/${encodeURIComponent(account.id)}/chats?limit=50`),
    refetchInterval: REFETCH_INTERVAL_MS,
  });
  const headingId = `account-${account.id}`;

  return (
    <section aria-labelledby={headingId} className="mb-8">
      <h2 id={headingId} className="text-lg font-semibold">
        {account.name}
      </h2>
      <p className="mb-2 text-sm text-slate-600">
        {account.lastSyncAt ? (
          <>
            Last synced <time dateTime={account.lastSyncAt}>{new Date(account.lastSyncAt).toLocaleString()}</time>
          </>
        ) : (
          "Not synced yet"
        )}
        {isAdmin && account.keyExpiresAt && (
          <>
            {" · "}Api-Key …{account.apiKeyLast4} expires{" "}
            <time dateTime={account.keyExpiresAt}>{new Date(account.keyExpiresAt).toLocaleDateString()}</time>
          </>
        )}
      </p>
      {isAdmin && account.keyExpiresSoon && (
        <p role="status" className="mb-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
          The Api-Key expires within two weeks. Create a new key in Ozon&apos;s seller portal and replace it here before it stops working.
        </p>
      )}
      {account.sync.phase === "IMPORTING" && (
        <p role="status" className="mb-2 text-sm text-slate-700">
          Importing chats from Ozon: {account.sync.chatsDone} of {account.sync.chatsTotal}
        </p>
      )}
      {account.sync.lastError && (
        <p className="mb-2 text-sm text-amber-800">Last sync problem: {account.sync.lastError}</p>
      )}
      {chats.isPending ? (
        <p role="status">Loading chats…</p>
      ) : chats.isError ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-800">
          <p>{chats.error.message}</p>
          <button type="button" className="mt-2 rounded bg-red-700 px-3 py-1 text-white" onClick={() => void chats.refetch()}>
            Try again
          </button>
        </div>
      ) : (
        <nav aria-label="Chats">
          <p className="mb-3 text-sm text-slate-700">
            <span data-testid="total-unread">{chats.data.totalUnread}</span> unread in all chats
          </p>
          {chats.data.chats.length === 0 ? (
            <p className="text-sm text-slate-600">No chats yet.</p>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
              {chats.data.chats.map((chat) => (
                <li key={chat.id} className="flex items-center justify-between gap-3 px-4 py-3">
                  <div className="min-w-0">
                    <p className="font-medium">
                      {CHAT_KIND_LABEL[chat.type] ?? "Ozon notifications"}
                      {chat.orderNumber && <span className="ml-2 text-sm font-normal text-slate-600">order {chat.orderNumber}</span>}
                      {chat.status === "CLOSED" && <span className="ml-2 text-sm font-normal text-slate-600">closed</span>}
                    </p>
                    <p className="truncate text-sm text-slate-700">{chat.lastMessagePreview ?? "No messages yet"}</p>
                    {chat.lastMessageAt && (
                      <p className="text-xs text-slate-600">
                        <time dateTime={chat.lastMessageAt}>{new Date(chat.lastMessageAt).toLocaleString()}</time>
                      </p>
                    )}
                  </div>
                  {chat.unreadCount > 0 && (
                    <span aria-label={`${chat.unreadCount} unread`} className="rounded-full bg-blue-700 px-2 py-0.5 text-xs font-semibold text-white">
                      {chat.unreadCount}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </nav>
      )}
    </section>
  );
}
