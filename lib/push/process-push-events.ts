import type { Db } from "@/lib/db/client";
import type { OzonConnection } from "@/lib/ozon";
import { forEachConcurrently } from "@/lib/sync/for-each-concurrently";

import { applyChatPushes, mergeVerifications, verifyChatPushes, type ChatVerification } from "./apply-chat-pushes";
import { claimPushEvents, type ClaimedPushEvent } from "./claim-push-events";

export type ProcessPushEventsOptions = {
  /** Default: getAccountConnection (the account's stored key, its shared rate limiter). */
  getConnection?: (db: Db, accountId: string) => Promise<OzonConnection>;
  /** Events claimed at once (default 200). */
  batchSize?: number;
  /** How long a claim lasts before another instance may take the events over (default 60 s). */
  claimTtlMs?: number;
  /** Chats applied at once (default 4). */
  concurrency?: number;
  signal?: AbortSignal;
  /**
   * Waits up to `ms` for more pushes while claimed ones are held for their verification read (default: a plain
   * timer). startPushProcessing resolves it early when a new push for the account is stored, so a push arriving
   * during the hold is applied at once, not at the next tick.
   */
  waitForMore?: (ms: number) => Promise<void>;
  /**
   * Awaited before each claim and each chat's step: startPushProcessing waits there while this process is receiving
   * pushes (intake-pressure.ts), so a flood is acknowledged first and applied as the receiver leaves room. Default:
   * no wait.
   */
  yieldToIntake?: () => Promise<void>;
};

export type ProcessPushEventsResult = { done: number; retried: number; failed: number };

/** An event is given up (FAILED, left to the poll) after this many attempts. */
export const MAX_PUSH_ATTEMPTS = 5;
const RETRY_BASE_MS = 2_000;

// The verification reads wait this long for more pushes to arrive (and up to MAX_HOLD_MS while they keep coming), so
// that a burst costs one read per chat, not one per push. Only the read waits: the fast part is published at once.
const GATHER_MS = 200;
const MAX_HOLD_MS = 2_000;
const IDLE_POLL_MS = 50;

type Held = { events: ClaimedPushEvent[]; verification?: ChatVerification };

/**
 * Works off an account's queued pushes until none is left: claims a batch, applies its fast part chat by chat (a
 * chat's events in the order received, published at once), and holds the claimed events while more arrive; then one
 * verification read per chat for everything held, and the events become DONE. A chat whose events fail (Ozon down
 * during the read, say) gets them back as PENDING with last_error and a growing delay, FAILED after
 * MAX_PUSH_ATTEMPTS; applying an event again is harmless, the cache writers are idempotent. A failure ends the run:
 * the sweeper (sweepPushEvents) retries later rather than this loop hammering a failing Ozon.
 */
export async function processPushEvents(db: Db, accountId: string, options: ProcessPushEventsOptions = {}): Promise<ProcessPushEventsResult> {
  const result: ProcessPushEventsResult = { done: 0, retried: 0, failed: 0 };
  const getConnection = options.getConnection ?? defaultConnection;
  const concurrency = options.concurrency ?? 4;
  const yieldToIntake = options.yieldToIntake ?? (() => Promise.resolve());
  let connection: OzonConnection | undefined;
  const held = new Map<string, Held>();
  let heldSince: number | null = null;

  const settle = async (done: ClaimedPushEvent[], failures: Map<ClaimedPushEvent, string>) => {
    if (done.length > 0) {
      await db.pushEvent.updateMany({
        where: { id: { in: done.map((e) => e.id) }, state: "PROCESSING" },
        data: { state: "DONE", processedAt: new Date(), claimedUntil: null, lastError: null },
      });
    }
    result.done += done.length;
    for (const [event, lastError] of failures) {
      const giveUp = event.attempts >= MAX_PUSH_ATTEMPTS;
      await db.pushEvent.updateMany({
        where: { id: event.id, state: "PROCESSING" },
        data: giveUp
          ? { state: "FAILED", lastError, claimedUntil: null, processedAt: new Date() }
          : { state: "PENDING", lastError, claimedUntil: new Date(Date.now() + RETRY_BASE_MS * 2 ** (event.attempts - 1)) },
      });
      if (giveUp) result.failed++;
      else result.retried++;
    }
  };

  const flush = async () => {
    const entries = [...held.values()];
    held.clear();
    heldSince = null;
    const done: ClaimedPushEvent[] = [];
    const failures = new Map<ClaimedPushEvent, string>();
    await forEachConcurrently(entries, concurrency, async (entry) => {
      try {
        await yieldToIntake();
        if (entry.verification) await verifyChatPushes({ db, accountId, connection: connection!, signal: options.signal }, entry.verification);
        done.push(...entry.events);
      } catch (error) {
        for (const e of entry.events) failures.set(e, describe(error));
      }
    });
    await settle(done, failures);
    return failures.size === 0;
  };

  for (;;) {
    options.signal?.throwIfAborted();
    await yieldToIntake();
    const events = await claimPushEvents(db, accountId, options.batchSize ?? 200, options.claimTtlMs ?? 60_000);
    if (events.length > 0) {
      const failures = new Map<ClaimedPushEvent, string>();
      const byChat = new Map<string, ClaimedPushEvent[]>();
      for (const e of events) byChat.set(e.payload.chat_id, [...(byChat.get(e.payload.chat_id) ?? []), e]);
      try {
        connection ??= await getConnection(db, accountId);
        const ctx = { db, accountId, connection, signal: options.signal };
        await forEachConcurrently([...byChat], concurrency, async ([chatId, chatEvents]) => {
          try {
            await yieldToIntake();
            const verification = await applyChatPushes(ctx, chatId, chatEvents.map((e) => e.payload));
            const entry = held.get(chatId) ?? { events: [] };
            entry.events.push(...chatEvents);
            if (verification) entry.verification = mergeVerifications(entry.verification, verification);
            held.set(chatId, entry);
          } catch (error) {
            for (const e of chatEvents) failures.set(e, describe(error));
          }
        });
      } catch (error) {
        for (const e of events) failures.set(e, describe(error));
      }
      heldSince ??= Date.now();
      if (failures.size > 0) {
        await settle([], failures);
        if (held.size > 0) await flush();
        return result;
      }
    }
    const age = heldSince === null ? 0 : Date.now() - heldSince;
    if (held.size > 0 && (age >= MAX_HOLD_MS || (events.length === 0 && age >= GATHER_MS))) {
      if (!(await flush())) return result;
      continue;
    }
    if (events.length === 0) {
      if (held.size === 0) return result;
      await (options.waitForMore ?? sleep)(IDLE_POLL_MS);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function defaultConnection(db: Db, accountId: string): Promise<OzonConnection> {
  const { getAccountConnection } = await import("@/lib/accounts/get-account-connection");
  return getAccountConnection(db, accountId);
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 500);
}
