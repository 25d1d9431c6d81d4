"use client";

import { useEffect, useRef, type KeyboardEvent } from "react";
import type { ChatView } from "@/lib/chats/chat-view";
import type { Locale } from "@/lib/i18n/locales";
import { describeApiError } from "@/components/i18n/describe-api-error";
import { ChatListItem } from "./chat-list-item";
import type { InboxStrings } from "./messages";
import type { useChatList } from "./use-chat-list";
import { useChatOpenIntent } from "./use-chat-open-intent";

const NEXT_KEYS = new Set(["ArrowDown", "j"]);
const PREVIOUS_KEYS = new Set(["ArrowUp", "k"]);

/** j/k and the arrow keys move between chats (Enter follows the link, as links do). */
function moveFocus(event: KeyboardEvent<HTMLElement>) {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const step = NEXT_KEYS.has(event.key) ? 1 : PREVIOUS_KEYS.has(event.key) ? -1 : 0;
  const edge = event.key === "Home" ? "first" : event.key === "End" ? "last" : null;
  if (!step && !edge) return;
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>("a[data-chat-link]")];
  if (links.length === 0) return;
  event.preventDefault();
  const current = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = edge === "first" ? 0 : edge === "last" ? links.length - 1 : current === -1 ? 0 : Math.min(links.length - 1, Math.max(0, current + step));
  links[next]?.focus();
}

type ChatListProps = {
  t: InboxStrings;
  locale: Locale;
  accountId: string;
  activeChatId: string | null;
  list: ReturnType<typeof useChatList>;
};

/** The "Chats" navigation: the chats of the chosen kind and filter, more loading as the end comes into view. */
export function ChatList({ t, locale, accountId, activeChatId, list }: ChatListProps) {
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const openIntent = useChatOpenIntent(accountId);

  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const chats: ChatView[] = [];
  const seen = new Set<string>();
  for (const chat of list.data?.pages.flatMap((page) => page.chats) ?? []) {
    if (seen.has(chat.id)) continue;
    seen.add(chat.id);
    chats.push(chat);
  }

  return (
    <nav aria-label={t.chats} className="min-h-0 flex-1 overflow-y-auto">
      {list.isPending ? (
        <p role="status" className="p-3 text-sm text-slate-700">
          {t.loadingChats}
        </p>
      ) : list.isError ? (
        <div role="alert" className="m-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p>{describeApiError(locale, list.error)}</p>
          <button type="button" onClick={() => void list.refetch()} className="mt-2 rounded-md bg-red-800 px-3 py-1 text-white">
            {t.tryAgain}
          </button>
        </div>
      ) : chats.length === 0 ? (
        <p className="p-3 text-sm text-slate-700">{t.noChats}</p>
      ) : (
        <>
          <p className="sr-only">{t.keyboardHint}</p>
          <ul onKeyDown={moveFocus} {...openIntent} className="divide-y divide-slate-100">
            {chats.map((chat) => (
              <ChatListItem key={chat.id} t={t} locale={locale} accountId={accountId} chat={chat} active={chat.id === activeChatId} />
            ))}
          </ul>
          {hasNextPage && (
            <div ref={sentinel} className="p-3 text-center">
              <button
                type="button"
                onClick={() => void fetchNextPage()}
                disabled={isFetchingNextPage}
                className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100"
              >
                {isFetchingNextPage ? t.loadingMore : t.loadMoreChats}
              </button>
            </div>
          )}
        </>
      )}
    </nav>
  );
}
