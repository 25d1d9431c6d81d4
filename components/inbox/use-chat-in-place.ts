"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useParams, usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { findCachedChat } from "@/components/query-cache/chat-list-cache";
import type { ChatView } from "@/lib/cache/chat-view";
import { chatHref, chatIdOfPath } from "./api-paths";

/**
 * Opening a chat from the list without waiting for its page from the server. The list already holds the chat (the
 * thread's first render needs nothing else) and its messages are on their way from the first sign of the click
 * (use-chat-open-intent.ts), while the chat's page took 90–300 ms of server rendering before the thread could show.
 * So a plain click on a row changes the URL with the history API (Next keeps usePathname and back/forward in step)
 * and the inbox shows that chat's thread itself; the page's own render (/inbox/<chatId>: the server's checks, a link
 * from elsewhere, a reload) is used whenever the URL and the page agree.
 *
 * `activeChatId` is the chat of the URL; `chatInPlace` the chat to show in place of the page, or null.
 */
export function useChatInPlace(accountId: string) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const params = useParams<{ chatId?: string }>();
  const pathname = usePathname();
  const [opened, setOpened] = useState<ChatView | null>(null);
  const pageChatId = params.chatId ? decodeURIComponent(params.chatId) : null;
  const activeChatId = chatIdOfPath(pathname);
  const inPlaceId = activeChatId !== null && activeChatId !== pageChatId ? activeChatId : null;
  const chatInPlace = inPlaceId === null ? null : opened?.id === inPlaceId ? opened : (findCachedChat(queryClient, accountId, inPlaceId) ?? null);
  // Back or forward to a chat the cache no longer holds: the server renders its page.
  const unknown = inPlaceId !== null && chatInPlace === null;
  useEffect(() => {
    if (unknown) router.refresh();
  }, [unknown, router]);

  const open = useCallback(
    (navigation: { preventDefault: () => void }, chat: ChatView) => {
      navigation.preventDefault();
      setOpened(chat);
      window.history.pushState(null, "", chatHref(accountId, chat.id));
    },
    [accountId],
  );
  return { activeChatId, chatInPlace, open };
}
