"use client";

import { useCallback, useSyncExternalStore } from "react";

const listeners = new Set<() => void>();

/** Where a chat's unsent text waits: per account and chat, in this browser, across reloads. */
function draftStorageKey(accountId: string, chatId: string): string {
  return `seller-inbox:draft:${accountId}:${chatId}`;
}

function read(key: string): string {
  try {
    return window.localStorage.getItem(key) ?? "";
  } catch {
    return "";
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

/**
 * Clears a chat's draft once `sent` has gone, unless it was edited meanwhile. Callable after the composer is gone (an
 * answer published while the agent moved on), so a published text never comes back as a draft.
 */
export function clearSentDraft(accountId: string, chatId: string, sent: string): void {
  const key = draftStorageKey(accountId, chatId);
  if (read(key) !== sent) return;
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Storage blocked: there was no draft to keep.
  }
  for (const listener of listeners) listener();
}

/** The chat's draft, kept in localStorage so it survives switching chats and reloading. */
export function useDraft(accountId: string, chatId: string): [string, (text: string) => void] {
  const key = draftStorageKey(accountId, chatId);
  const text = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => "",
  );
  const setText = useCallback(
    (next: string) => {
      try {
        if (next) window.localStorage.setItem(key, next);
        else window.localStorage.removeItem(key);
      } catch {
        // Storage full or blocked: the draft just does not survive a reload.
      }
      for (const listener of listeners) listener();
    },
    [key],
  );
  return [text, setText];
}
