import type { LiveEvent } from "./live-event";

/** The SSE event name a tab listens to when the server cannot replay what it missed. */
export const REFETCH_EVENT = "refetch";

/** The SSE event names that carry a LiveEvent (its `kind`). */
export const LIVE_EVENT_KINDS = ["message", "chat", "team", "presence", "sync"] as const satisfies readonly LiveEvent["kind"][];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/**
 * The browser's reading of one event's data: a LiveEvent, or null for anything else. The stream comes from our own
 * server, which builds every event from liveEventSchema; this checks the shape the cache code relies on without
 * shipping zod to every tab (the inbox's first-load JavaScript has a budget).
 */
export function readLiveEvent(data: string): LiveEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isObject(value) || typeof value.accountId !== "string") return null;
  switch (value.kind) {
    case "message":
      return isObject(value.chat) && Array.isArray(value.messages) && typeof value.totalUnread === "number" ? (value as LiveEvent) : null;
    case "chat":
      return isObject(value.chat) && typeof value.totalUnread === "number" ? (value as LiveEvent) : null;
    case "team":
      return isObject(value.chat) && (value.activity === null || isObject(value.activity)) && typeof value.totalUnread === "number"
        ? (value as LiveEvent)
        : null;
    case "presence":
      return typeof value.chatId === "string" && Array.isArray(value.viewers) ? (value as LiveEvent) : null;
    case "sync":
      return isObject(value.sync) ? (value as LiveEvent) : null;
    default:
      return null;
  }
}
