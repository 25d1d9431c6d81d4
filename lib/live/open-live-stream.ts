import { getSessionUser, type SessionUser } from "@/lib/auth/get-session-user";
import type { Db } from "@/lib/db/client";
import type { LiveBus } from "./create-live-bus";
import { REFETCH_EVENT } from "./read-live-event";
import { listWorkableAccountIds } from "./list-workable-account-ids";
import { readLiveEventHorizon } from "./read-live-event-horizon";
import { readLiveEventsAfter } from "./read-live-events-after";
import type { StoredLiveEvent } from "./stored-live-event";

export type LiveStreamOptions = {
  /** Between heartbeat comments, which also re-check the session (default 15 s). */
  heartbeatMs?: number;
  /** Between re-reads of which accounts the user may work (default 30 s). */
  rightsEveryMs?: number;
  /** Run when the stream is under way and on each heartbeat (the user is online); its failure is ignored. */
  onHeartbeat?: () => Promise<void>;
};

export const LIVE_HEARTBEAT_MS = 15_000;

/** The reconnect delay the browser is told to use. */
const LIVE_RETRY_MS = 3_000;
const REPLAY_PAGE = 500;

/** The id a reconnecting tab last saw: the Last-Event-ID header, or `?lastEventId=`; "bad" when unparsable. */
function readLastEventId(request: Request): bigint | "bad" | undefined {
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
  if (raw === null || raw.trim() === "") return undefined;
  return /^\d{1,19}$/.test(raw.trim()) ? BigInt(raw.trim()) : "bad";
}

function frame(id: bigint | null, event: string, data: unknown): string {
  return `${id === null ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * The server-sent event stream of one signed-in tab: the live events of the accounts the user may work, from the
 * moment it opens (announced by `ready`, whose id a reconnect replays from) or, on a reconnect, from the
 * Last-Event-ID on (`refetch` when those events are no longer kept). Ends when the tab goes, and at once on an
 * `access` event for its user (accounts, role, deactivation, password reset, sign-out: lib/live/publish-access-
 * change.ts); the heartbeat re-checks the session too. The browser reconnects by itself, and is then checked anew.
 */
export async function openLiveStream(
  db: Db,
  bus: LiveBus,
  args: { request: Request; user: SessionUser },
  options: LiveStreamOptions = {},
): Promise<Response> {
  const { request, user } = args;
  const heartbeatMs = options.heartbeatMs ?? LIVE_HEARTBEAT_MS;
  const beat = () => void options.onHeartbeat?.().catch(() => undefined);
  const rightsEveryMs = options.rightsEveryMs ?? 30_000;
  const accountIds = await listWorkableAccountIds(db, user);
  const allowed = new Set(accountIds);
  const lastEventId = readLastEventId(request);
  const encoder = new TextEncoder();

  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  // Until the replay is written, live events wait here; afterwards they are written as they come.
  let pending: StoredLiveEvent[] | null = [];
  const replayed = new Set<bigint>();
  // Set once the stream is under way; close() may run before (the tab gone at once).
  const running: { heartbeat?: NodeJS.Timeout; unsubscribe?: () => void } = {};

  const write = (text: string) => {
    if (closed) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      close();
    }
  };
  const send = (stored: StoredLiveEvent) => {
    if (stored.event.kind !== "access") write(frame(stored.id, stored.event.kind, stored.event));
  };
  function close() {
    if (closed) return;
    closed = true;
    clearInterval(running.heartbeat);
    running.unsubscribe?.();
    request.signal.removeEventListener("abort", close);
    try {
      controller.close();
    } catch {
      // already closed by the client
    }
  }

  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      close();
    },
  });
  request.signal.addEventListener("abort", close);

  try {
    running.unsubscribe = await bus.subscribe((stored) => {
      if (closed) return;
      // The user's rights changed (or they signed out): stop at once; the reconnect is checked afresh.
      if (stored.event.kind === "access") return void (stored.event.userId === user.id && close());
      if (!allowed.has(stored.event.accountId)) return;
      if (pending) pending.push(stored);
      else send(stored);
    });
    if (closed) running.unsubscribe();

    write(`retry: ${LIVE_RETRY_MS}\n\n`);
    const horizon = await readLiveEventHorizon(db);
    if (lastEventId === undefined) {
      write(frame(horizon.newest, "ready", {}));
    } else if (
      lastEventId === "bad" ||
      lastEventId > horizon.newest ||
      (horizon.oldestKept === null ? lastEventId < horizon.newest : horizon.oldestKept > lastEventId + 1n)
    ) {
      // Events after it were pruned (or the id is not ours): the tab must read everything again.
      write(frame(horizon.newest, REFETCH_EVENT, {}));
    } else {
      let after = lastEventId;
      for (;;) {
        const page = await readLiveEventsAfter(db, after, { limit: REPLAY_PAGE, accountIds });
        for (const stored of page) {
          replayed.add(stored.id);
          send(stored);
          after = stored.id;
        }
        if (page.length < REPLAY_PAGE) break;
      }
    }
    for (const stored of pending) if (!replayed.has(stored.id)) send(stored);
    pending = null;
    replayed.clear();
  } catch (error) {
    // Answered as an error instead (the browser retries); nothing may stay subscribed.
    close();
    throw error;
  }

  let rightsReadAt = Date.now();
  if (!closed) beat();
  if (!closed) running.heartbeat = setInterval(() => {
    void (async () => {
      write(": ping\n\n");
      beat();
      try {
        const current = await getSessionUser(request, db);
        if (!current || current.id !== user.id || current.role !== user.role) return close();
        if (Date.now() - rightsReadAt >= rightsEveryMs) {
          rightsReadAt = Date.now();
          const now = await listWorkableAccountIds(db, current);
          // Fewer or more accounts: end the stream; the reconnect starts over with the new set.
          if (now.join("\n") !== accountIds.join("\n")) return close();
        }
      } catch {
        // The database did not answer: keep the stream; the next heartbeat checks again.
      }
    })();
  }, heartbeatMs);

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
