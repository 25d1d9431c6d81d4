"use client";

import { useLayoutEffect, useRef, type RefObject } from "react";

const FOUND_CLASSES = ["ring-2", "ring-amber-500", "rounded-lg"];

/**
 * A thread opened at a search result: once its messages are in, the found message is scrolled into the middle of
 * the view and marked (once; the agent scrolls on from there).
 */
export function useFoundMessage(scroller: RefObject<HTMLElement | null>, messageId: string | null, loaded: boolean) {
  const done = useRef(false);
  useLayoutEffect(() => {
    if (!messageId || !loaded || done.current) return;
    const element = scroller.current?.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(messageId)}"]`);
    if (!element) return;
    done.current = true;
    element.dataset.found = "true";
    element.firstElementChild?.classList.add(...FOUND_CLASSES);
    element.scrollIntoView({ block: "center" });
  });
}
