"use client";

import { useCallback, useEffect, useRef, useState, type ComponentProps, type KeyboardEvent } from "react";
import type { ChatView } from "@/lib/cache/chat-view";
import type { Locale } from "@/lib/i18n/locales";
import { describeApiError } from "@/components/i18n/describe-api-error";
import { BulkBar } from "@/components/team/bulk-bar";
import { ChatListItem } from "./chat-list-item";
import { requestComposerFocus } from "./composer-focus";
import type { InboxStrings } from "./messages";
import type { useChatList } from "./use-chat-list";
import { useChatOpenIntent } from "./use-chat-open-intent";

const NEXT_KEYS = new Set(["ArrowDown", "j"]);
const PREVIOUS_KEYS = new Set(["ArrowUp", "k"]);

/**
 * j/k and the arrow keys move between chats; Enter follows the link, as links do, and the reply box takes the focus;
 * x selects the focused chat (or drops it from the selection) for the bulk actions.
 */
function moveFocus(event: KeyboardEvent<HTMLElement>, toggle: (chatId: string) => void) {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.key === "x") {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[data-chat-id]") : null;
    if (link?.dataset.chatId) {
      event.preventDefault();
      toggle(link.dataset.chatId);
    }
    return;
  }
  if (event.key === "Enter") {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[data-chat-id]") : null;
    if (link?.dataset.chatId) requestComposerFocus(link.dataset.chatId);
    return;
  }
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
  /** The signed-in user (the bulk actions' "assign to me"). */
  userId: string;
  activeChatId: string | null;
  list: ReturnType<typeof useChatList>;
  /** Stable: passed to every memoised row (chat-list-item.tsx). */
  onOpen?: ComponentProps<typeof ChatListItem>["onOpen"];
};

/**
 * The "Chats" navigation: the chats of the chosen kind and filter, more loading as the end comes into view; chats
 * can be selected (a checkbox, or x) for actions on several at once.
 */
export function ChatList({ t, locale, accountId, userId, activeChatId, list, onOpen }: ChatListProps) {
  const sentinel = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // Stable, so that a row whose chat did not change is not rendered again (ChatListItem is memoised).
  const toggle = useCallback(
    (chatId: string) =>
      setSelected((current) => {
        const next = new Set(current);
        if (!next.delete(chatId)) next.add(chatId);
        return next;
      }),
    [],
  );
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
  // A chat that left the list (resolved out of Needs reply, say) leaves the selection too.
  const chosen = chats.filter((chat) => selected.has(chat.id)).map((chat) => chat.id);

  return (
    <nav aria-label={t.chats} className="min-h-0 flex-1 overflow-y-auto">
      {chosen.length > 0 && <BulkBar accountId={accountId} userId={userId} chatIds={chosen} onDone={() => setSelected(new Set())} />}
      {list.isPending ? (
        <p role="status" className="p-3 text-sm text-slate-700">
          {t.loadingChats}
        </p>
      ) : list.isError && !list.data ? (
        // A failed read again (a refetch) keeps the chats that were read: the error only stands in for a first read.
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
          <ul onKeyDown={(event) => moveFocus(event, toggle)} {...openIntent} className="divide-y divide-slate-100">
            {chats.map((chat) => (
              <ChatListItem
                key={chat.id}
                t={t}
                locale={locale}
                accountId={accountId}
                chat={chat}
                active={chat.id === activeChatId}
                selected={selected.has(chat.id)}
                onToggleSelect={toggle}
                onOpen={onOpen}
              />
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
