"use client";

import { useCallback, useSyncExternalStore } from "react";
import type { ChatView as ListView } from "@/components/inbox/use-chat-list";
import { QUEUE_ORDERS, type QueueOrder } from "@/lib/team/queue-views";

/** Who to tell when a key changes in this tab, per key. */
const listeners = new Map<string, Set<() => void>>();

function listenersOf(key: string): Set<() => void> {
  let set = listeners.get(key);
  if (!set) listeners.set(key, (set = new Set()));
  return set;
}

/**
 * One of a few choices of the inbox, remembered in this browser under `key` (localStorage); `fallback` at first, on
 * the server's render, and when what is stored is not one of `choices` (or storage is blocked).
 */
function useStoredChoice<T extends string>(key: string, choices: readonly T[], fallback: T): [T, (next: T) => void] {
  const read = () => {
    try {
      const value = window.localStorage.getItem(key);
      return choices.includes(value as T) ? (value as T) : fallback;
    } catch {
      return fallback;
    }
  };
  const value = useSyncExternalStore(
    (listener) => {
      listenersOf(key).add(listener);
      return () => listenersOf(key).delete(listener);
    },
    read,
    () => fallback,
  );
  const setValue = useCallback(
    (next: T) => {
      try {
        window.localStorage.setItem(key, next);
      } catch {
        // Storage blocked: the choice lasts until the page is left.
      }
      for (const listener of listenersOf(key)) listener();
    },
    [key],
  );
  return [value, setValue];
}

const VIEWS: readonly ListView[] = ["needs_reply", "mine", "unassigned", "all"];

/** The inbox's chosen view (Needs reply, Mine, Unassigned, All), remembered in this browser; Needs reply at first (the answers owed, the Ozon deadline soonest first). */
export function useStoredView(): [ListView, (view: ListView) => void] {
  return useStoredChoice("seller-inbox:view", VIEWS, "needs_reply");
}

/** The order of the queue's reviews (the longest wait, or low ratings first), remembered in this browser like the view. */
export function useStoredReviewOrder(): [QueueOrder, (order: QueueOrder) => void] {
  return useStoredChoice("seller-inbox:review-order", QUEUE_ORDERS, "deadline");
}
