"use client";

import { useCallback, useSyncExternalStore } from "react";
import type { ChatView as ListView } from "@/components/inbox/use-chat-list";

const KEY = "seller-inbox:view";
const VIEWS: readonly ListView[] = ["needs_reply", "mine", "unassigned", "all"];
/** What a team opens first: the answers owed, the Ozon deadline soonest first. */
const DEFAULT_VIEW: ListView = "needs_reply";
const listeners = new Set<() => void>();

function read(): ListView {
  try {
    const value = window.localStorage.getItem(KEY);
    return VIEWS.includes(value as ListView) ? (value as ListView) : DEFAULT_VIEW;
  } catch {
    return DEFAULT_VIEW;
  }
}

/** The inbox's chosen view (Needs reply, Mine, Unassigned, All), remembered in this browser; Needs reply at first. */
export function useStoredView(): [ListView, (view: ListView) => void] {
  const view = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read,
    () => DEFAULT_VIEW,
  );
  const setView = useCallback((next: ListView) => {
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      // Storage blocked: the choice lasts until the page is left.
    }
    for (const listener of listeners) listener();
  }, []);
  return [view, setView];
}
