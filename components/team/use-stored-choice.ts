"use client";

import { useCallback, useSyncExternalStore } from "react";
import { INBOX_CHOICE_COOKIES, readInboxChoices, type InboxChoices, type InboxView } from "@/lib/team/inbox-choices";
import type { QueueOrder } from "@/lib/team/queue-views";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Who to tell when a choice changes in this tab, per choice. */
const listeners = new Map<keyof InboxChoices, Set<() => void>>();

function listenersOf(name: keyof InboxChoices): Set<() => void> {
  let set = listeners.get(name);
  if (!set) listeners.set(name, (set = new Set()));
  return set;
}

/**
 * One of the inbox's remembered choices (lib/team/inbox-choices.ts: a cookie). `rendered`: the value the server
 * rendered with (it read the same cookie), so hydration agrees and the list it rendered is the one shown.
 */
function useStoredChoice<Name extends keyof InboxChoices>(name: Name, rendered: InboxChoices[Name]): [InboxChoices[Name], (next: InboxChoices[Name]) => void] {
  const value = useSyncExternalStore(
    (listener) => {
      listenersOf(name).add(listener);
      return () => listenersOf(name).delete(listener);
    },
    () => readInboxChoices(document.cookie)[name],
    () => rendered,
  );
  const setValue = useCallback(
    (next: InboxChoices[Name]) => {
      document.cookie = `${INBOX_CHOICE_COOKIES[name]}=${next}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
      for (const listener of listenersOf(name)) listener();
    },
    [name],
  );
  return [value, setValue];
}

/** The inbox's chosen view (Needs reply, Mine, Unassigned, All), remembered in this browser; Needs reply at first (the answers owed, the Ozon deadline soonest first). */
export function useStoredView(rendered: InboxView): [InboxView, (view: InboxView) => void] {
  return useStoredChoice("view", rendered);
}

/** The order of the queue's reviews (the longest wait, or low ratings first), remembered in this browser like the view. */
export function useStoredReviewOrder(rendered: QueueOrder): [QueueOrder, (order: QueueOrder) => void] {
  return useStoredChoice("reviewOrder", rendered);
}
