"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { refreshAccounts } from "@/components/query-cache/account-cache";
import type { LiveEvent } from "@/lib/live/live-event";
import { LIVE_EVENT_KINDS, readLiveEvent, REFETCH_EVENT } from "@/lib/live/read-live-event";
import { applyLiveEvent } from "./apply-live-event";
import { goToSignInIfSignedOut } from "./go-to-sign-in-if-signed-out";

/** "connecting" until the stream first opens; "down" after it failed, until it is open again. */
export type LiveState = "connecting" | "open" | "down";

const LiveStateContext = createContext<LiveState>("connecting");

const LIVE_EVENTS_PATH = "/api/events";
/** Every applied live event is also dispatched on window under this name (detail: the LiveEvent). */
export const LIVE_EVENT_DOM_NAME = "seller-inbox:live-event";
/** The browser retries on its own (the server says 3 s); after a refusal it gives up, and we start over after this. */
const RESTART_MS = 5_000;
/** While the stream is open, the periodic refetch only guards against something the stream missed. */
const LIVE_SAFETY_REFETCH_MS = 60_000;

/** The live stream's state, for the indicator and the refetch intervals. */
export function useLiveState(): LiveState {
  return useContext(LiveStateContext);
}

/** The periodic refetch of inbox queries: the given fallback while the stream is not open, the slow safety net while it is. */
export function useLiveRefetchInterval(fallbackMs: number): number {
  return useLiveState() === "open" ? Math.max(fallbackMs, LIVE_SAFETY_REFETCH_MS) : fallbackMs;
}

/**
 * The tab's one live stream (GET /api/events), mounted once around the signed-in app: it writes every event into
 * the query cache (apply-live-event.ts) and tells the rest of the app whether it is open.
 */
export function LiveUpdates({ userId, children }: { userId: string; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");

  useEffect(() => {
    let source: EventSource | null = null;
    let restart: ReturnType<typeof setTimeout> | undefined;
    // Kept for a fresh EventSource after a refusal: the browser's own Last-Event-ID does not survive it.
    let lastEventId: string | null = null;
    let stopped = false;

    const onEvent = (message: MessageEvent<string>) => {
      if (message.lastEventId) lastEventId = message.lastEventId;
      const event = readLiveEvent(message.data);
      if (event) {
        applyLiveEvent(queryClient, event, userId);
        // For listeners beyond the query cache (the team's notifications).
        window.dispatchEvent(new CustomEvent<LiveEvent>(LIVE_EVENT_DOM_NAME, { detail: event }));
      }
    };
    const open = () => {
      const url = lastEventId === null ? LIVE_EVENTS_PATH : `${LIVE_EVENTS_PATH}?lastEventId=${encodeURIComponent(lastEventId)}`;
      const current = new EventSource(url);
      source = current;
      current.addEventListener("open", () => setState("open"));
      const fresh = lastEventId === null;
      current.addEventListener("ready", (message) => {
        lastEventId = (message as MessageEvent<string>).lastEventId || lastEventId;
        setState("open");
        // A fresh stream starts at this moment: what happened between the tab's first reads and now is in no event
        // it will send, so what the tab holds is read again once (a resumed stream replays instead).
        if (fresh) void refreshAccounts(queryClient);
      });
      current.addEventListener(REFETCH_EVENT, (message) => {
        lastEventId = (message as MessageEvent<string>).lastEventId || lastEventId;
        void refreshAccounts(queryClient);
      });
      for (const kind of LIVE_EVENT_KINDS) current.addEventListener(kind, onEvent as EventListener);
      current.addEventListener("error", () => {
        setState("down");
        // CONNECTING: the browser reconnects by itself, with Last-Event-ID. CLOSED: it gave up (an error answer).
        if (current.readyState === EventSource.CLOSED && !stopped) {
          current.close();
          void goToSignInIfSignedOut();
          restart = setTimeout(open, RESTART_MS);
        }
      });
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(restart);
      source?.close();
    };
  }, [queryClient, userId]);

  return <LiveStateContext.Provider value={state}>{children}</LiveStateContext.Provider>;
}
