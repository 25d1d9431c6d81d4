import pg from "pg";
import type { Db } from "@/lib/db/client";
import { pruneLiveEvents, LIVE_EVENTS_KEPT_MS } from "./prune-live-events";
import { LIVE_EVENTS_CHANNEL } from "./publish-live-event";
import { readLiveEventsAfter } from "./read-live-events-after";
import { toStoredLiveEvent, type LiveEventRow, type StoredLiveEvent } from "./stored-live-event";
import { onLocalPublish } from "./wake-local-buses";
import { logger } from "@/lib/log/logger";

export type LiveListener = (stored: StoredLiveEvent) => void;

export interface LiveBus {
  /** Starts the bus if needed; every event committed after the promise resolves reaches the listener. */
  subscribe(listener: LiveListener): Promise<() => void>;
  /** Stops listening and timers (tests, shutdown). */
  close(): Promise<void>;
}

export type LiveBusOptions = {
  /** PostgreSQL: the connection string a dedicated client LISTENs on. Unset (PGlite): in-process wake-ups only. */
  listenUrl?: string;
  /** How often to read anyway, in case a notification was lost (default 10 s). */
  safetyReadMs?: number;
  /** How often to delete old events (default 60 s). */
  pruneEveryMs?: number;
  keptMs?: number;
  log?: (message: string) => void;
};

const PAGE = 500;
const MAX_RECONNECT_DELAY_MS = 30_000;
/** How long an id skipped by the sequence is looked for again (an insert not yet committed when we read past it). */
const GAP_WAIT_MS = 5_000;
const MAX_GAPS = 1_000;

/**
 * The process's fan-out of live events: on a wake-up (a pg notification from any instance, or a publish in this
 * process) it reads the events after the last one it saw, in id order, and hands each to every subscriber.
 * Everything goes through the live_events table, so several instances need nothing from each other.
 */
export function createLiveBus(db: Db, options: LiveBusOptions = {}): LiveBus {
  const log = options.log ?? ((message: string) => logger.warn(message));
  const listeners = new Set<LiveListener>();
  let started: Promise<void> | undefined;
  let closed = false;
  let lastSeen = 0n;
  // Ids the sequence skipped when we read past them: an insert in flight may still commit them.
  const gaps = new Map<bigint, number>();
  let reading = false;
  let readAgain = false;
  let listener: pg.Client | undefined;
  let reconnectDelay = 500;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let safetyTimer: NodeJS.Timeout | undefined;
  let pruneTimer: NodeJS.Timeout | undefined;
  let stopLocal: (() => void) | undefined;

  function deliver(stored: StoredLiveEvent) {
    for (const listener of [...listeners]) {
      try {
        listener(stored);
      } catch (error) {
        log(`live: a subscriber failed: ${messageOf(error)}`);
      }
    }
  }

  async function readGaps() {
    const now = Date.now();
    for (const [id, until] of gaps) if (until < now) gaps.delete(id);
    if (gaps.size === 0) return;
    const rows = await db.$queryRaw<LiveEventRow[]>`
      SELECT id, payload FROM live_events WHERE id = ANY(${[...gaps.keys()].map(String)}::bigint[]) ORDER BY id`;
    for (const row of rows) {
      const stored = toStoredLiveEvent(row);
      gaps.delete(stored.id);
      deliver(stored);
    }
  }

  async function readNew() {
    for (;;) {
      const page = await readLiveEventsAfter(db, lastSeen, { limit: PAGE });
      for (const stored of page) {
        for (let id = lastSeen + 1n; id < stored.id && gaps.size < MAX_GAPS; id += 1n) gaps.set(id, Date.now() + GAP_WAIT_MS);
        lastSeen = stored.id;
        deliver(stored);
      }
      if (page.length < PAGE) return;
    }
  }

  /** Reads until drained; wake-ups meanwhile make it read once more instead of reading in parallel. */
  function wake() {
    if (closed || !started) return;
    if (reading) {
      readAgain = true;
      return;
    }
    reading = true;
    void (async () => {
      try {
        do {
          readAgain = false;
          await readGaps();
          await readNew();
        } while (readAgain && !closed);
      } catch (error) {
        log(`live: could not read new events (retried on the next wake-up): ${messageOf(error)}`);
      } finally {
        reading = false;
      }
    })();
  }

  function scheduleReconnect(client: pg.Client) {
    if (closed || listener !== client) return;
    listener = undefined;
    client.removeAllListeners("notification");
    client.end().catch(() => {});
    reconnectTimer = setTimeout(() => void connect(), reconnectDelay);
    reconnectTimer.unref?.();
    reconnectDelay = Math.min(reconnectDelay * 2, MAX_RECONNECT_DELAY_MS);
  }

  async function connect() {
    if (closed || !options.listenUrl) return;
    const client = new pg.Client({ connectionString: options.listenUrl });
    listener = client;
    client.on("notification", () => wake());
    client.on("error", (error) => {
      log(`live: the LISTEN connection failed, reconnecting: ${messageOf(error)}`);
      scheduleReconnect(client);
    });
    client.on("end", () => scheduleReconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_EVENTS_CHANNEL}`);
      if (closed) {
        await client.end().catch(() => {});
        return;
      }
      reconnectDelay = 500;
      // Whatever was published while the socket was down.
      wake();
    } catch (error) {
      log(`live: could not LISTEN, retrying: ${messageOf(error)}`);
      scheduleReconnect(client);
    }
  }

  async function start() {
    const rows = await db.$queryRaw<{ id: bigint | null }[]>`SELECT max(id) AS id FROM live_events`;
    lastSeen = rows[0]?.id == null ? 0n : BigInt(rows[0].id);
    stopLocal = onLocalPublish(db, wake);
    await connect();
    safetyTimer = setInterval(wake, options.safetyReadMs ?? 10_000);
    safetyTimer.unref?.();
    pruneTimer = setInterval(() => {
      pruneLiveEvents(db, options.keptMs ?? LIVE_EVENTS_KEPT_MS).catch((error: unknown) =>
        log(`live: could not prune old events: ${messageOf(error)}`),
      );
    }, options.pruneEveryMs ?? 60_000);
    pruneTimer.unref?.();
  }

  return {
    async subscribe(listener) {
      if (closed) throw new Error("The live bus is closed.");
      started ??= start().catch((error: unknown) => {
        started = undefined;
        throw error;
      });
      await started;
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async close() {
      closed = true;
      listeners.clear();
      stopLocal?.();
      clearTimeout(reconnectTimer);
      clearInterval(safetyTimer);
      clearInterval(pruneTimer);
      const client = listener;
      listener = undefined;
      if (client) {
        client.removeAllListeners("end");
        await client.end().catch(() => {});
      }
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0]! : String(error);
}
