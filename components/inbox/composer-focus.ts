"use client";

import { useEffect, type RefObject } from "react";

// The chat opened from the list with Enter: its composer takes the focus once it is there.
let focusRequestedFor: string | null = null;

const FOCUS_EVENT = "inbox:focus-composer";

/**
 * Asks the composer of this chat to take the focus (the agent opened the chat by keyboard): when it mounts, or at
 * once when that chat is already open.
 */
export function requestComposerFocus(chatId: string) {
  focusRequestedFor = chatId;
  window.dispatchEvent(new CustomEvent(FOCUS_EVENT, { detail: chatId }));
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Focus for the composer's box: when the chat was opened from the list with Enter, and on `r` (reply) anywhere in
 * the page outside a field.
 */
export function useComposerFocus(chatId: string, box: RefObject<HTMLTextAreaElement | null>) {
  useEffect(() => {
    if (focusRequestedFor === chatId) {
      focusRequestedFor = null;
      box.current?.focus();
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "r" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event.target)) return;
      const element = box.current;
      if (!element || element.disabled) return;
      event.preventDefault();
      element.focus();
    };
    const onRequest = (event: Event) => {
      if ((event as CustomEvent<string>).detail !== chatId) return;
      focusRequestedFor = null;
      box.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    window.addEventListener(FOCUS_EVENT, onRequest);
    return () => {
      document.removeEventListener("keydown", onKey);
      window.removeEventListener(FOCUS_EVENT, onRequest);
    };
  }, [chatId, box]);
}
