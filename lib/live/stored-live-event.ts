import type { LiveEvent } from "./live-event";

/** A published event with its live_events id (the SSE event id). */
export type StoredLiveEvent = { id: bigint; event: LiveEvent };

export type LiveEventRow = { id: bigint | number | string; payload: unknown };

/** A live_events row as an event; the payload is the event exactly as published (publishLiveEvent). */
export function toStoredLiveEvent(row: LiveEventRow): StoredLiveEvent {
  const payload = typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload;
  return { id: BigInt(row.id), event: payload as LiveEvent };
}
