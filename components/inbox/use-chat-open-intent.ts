"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, type PointerEvent, type SyntheticEvent } from "react";
import { chatMessagesOptions } from "./use-chat-messages";

// A pointer resting this long on a chat is taken as interest; a pointer passing over the list is not.
const HOVER_INTENT_MS = 120;

/** The chat of the chat link an event happened in, unless that chat is the one already open. */
function chatIdOf(target: EventTarget): string | null {
  const link = target instanceof Element ? target.closest<HTMLAnchorElement>("a[data-chat-id]") : null;
  if (!link || link.getAttribute("aria-current") === "page") return null;
  return link.dataset.chatId ?? null;
}

/**
 * Handlers for the chat list that start loading a chat's messages at the first sign the user is opening it
 * (pointer down, focus, a resting pointer, the click or Enter itself), so the thread finds them in the cache or on
 * their way instead of asking only after the chat's page has arrived. Fresh entries are not fetched again
 * (the client's staleTime), and a fetch in flight is shared.
 */
export function useChatOpenIntent(accountId: string) {
  const queryClient = useQueryClient();
  const hoverTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const hovered = useRef<string | null>(null);
  useEffect(() => () => clearTimeout(hoverTimer.current), []);

  return useMemo(() => {
    const prefetch = (chatId: string | null) => {
      if (chatId) void queryClient.prefetchInfiniteQuery(chatMessagesOptions(accountId, chatId));
    };
    const now = (event: SyntheticEvent) => prefetch(chatIdOf(event.target));
    return {
      onPointerDown: now,
      onFocus: now,
      // A click (also Enter on a focused link, and a click from script) still starts it, alongside the page's request.
      onClick: now,
      onPointerOver: (event: PointerEvent) => {
        const chatId = event.pointerType === "mouse" ? chatIdOf(event.target) : null;
        if (chatId === hovered.current) return; // still within the same chat's link
        clearTimeout(hoverTimer.current);
        hovered.current = chatId;
        if (chatId) hoverTimer.current = setTimeout(() => prefetch(chatId), HOVER_INTENT_MS);
      },
      onPointerLeave: () => {
        clearTimeout(hoverTimer.current);
        hovered.current = null;
      },
    };
  }, [queryClient, accountId]);
}
