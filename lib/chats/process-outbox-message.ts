import type { Db } from "@/lib/db/client";
import { Prisma, type OutboxMessage } from "@/lib/db/generated/client";
import { holdLease } from "@/lib/jobs/hold-lease";
import { DB_NOW } from "@/lib/jobs/lease-table";
import { renewLease } from "@/lib/jobs/renew-lease";
import { publishChatChange } from "@/lib/live/publish-chat-change";
import { NO_OUTBOX_ERROR, outboxErrorFields } from "@/lib/cache/outbox-error";
import { getChatHistory, isOzonApiError, sendFile, sendMessage, type OzonApiError, type OzonConnection } from "@/lib/ozon";
import { findSentMessageCandidates, type SentMessageLookup } from "./find-sent-message-candidates";
import { OUTBOX_LEASE, UNSETTLED_OUTBOX_STATES } from "./outbox-lease";
import type { OutboxSettings } from "./outbox-settings";
import { reachOutboxStage } from "./outbox-stage-hook";
import { publishOutboxChange } from "./publish-outbox-change";
import { reconcileOutboxMessage } from "./reconcile-outbox-message";
import { recordOutboxSent } from "./record-outbox-sent";
import { recordReplyRefusal } from "@/lib/reply-window/record-reply-refusal";

export type ProcessedOutboxMessage = {
  /** The row afterwards. */
  row: OutboxMessage;
  /** Ozon's clear refusal of this very send (window closed, invalid...), when the row became FAILED by it. */
  refusal: OzonApiError | null;
};

const UNSETTLED = [...UNSETTLED_OUTBOX_STATES];

/**
 * The one path of an outbox row, for the send route, an agent's Retry and the outbox worker alike. The caller has
 * claimed the row for `owner` (claimOutboxMessage, or the worker's claim); the lease is renewed while this runs.
 *
 * 1. A row that may already be at Ozon (SENDING: its answer was lost or its process died; UNKNOWN) is looked for
 *    in the chat's history after the newest message kept before its send: found, it is recorded SENT.
 * 2. Otherwise it is sent, once: the chat's newest message id is kept on the row (state SENDING, the attempt
 *    counted) before Ozon's send method is called, so that whatever happens next a later look is exact.
 * 3. Ozon confirms: SENT, with the message found in the history (stored with its agent and client id). Ozon
 *    refuses clearly (window closed, invalid): FAILED with Ozon's reason. A fault that may have reached Ozon
 *    (timeout, dropped connection, 5xx): UNKNOWN, looked for again after a backoff. A fault that surely did not
 *    (429): PENDING, sent again after a backoff (Ozon's Retry-After at least), FAILED after `maxAttempts` sends.
 * Ozon's faults while reading are backoffs too (the state stays what it was), but a refusal of the account or the
 * chat (wrong key, no subscription) fails a row nothing of which was sent. Every change reaches the tabs.
 */
export async function processOutboxMessage(
  db: Db,
  connection: OzonConnection,
  outboxId: string,
  owner: string,
  settings: OutboxSettings,
): Promise<ProcessedOutboxMessage> {
  const current = () => db.outboxMessage.findUniqueOrThrow({ where: { id: outboxId } });
  // A claim that waited in a queue may have run out and been taken over meanwhile.
  if (!(await renewLease(db, OUTBOX_LEASE, outboxId, owner, settings.leaseTtlMs))) return { row: await current(), refusal: null };

  return holdLease(db, OUTBOX_LEASE, { id: outboxId, owner, ttlMs: settings.leaseTtlMs }, async (signal) => {
    let row = await current();
    const chat = await db.chat.findUniqueOrThrow({ where: { id: row.chatId }, select: { id: true, ozonChatId: true } });
    try {
      if (row.state !== "PENDING") {
        const settled = await reconcileOutboxMessage(db, connection, row, chat);
        if (settled) return { row: settled, refusal: null };
        row = await current();
        if (row.leaseOwner !== owner || !UNSETTLED.includes(row.state as (typeof UNSETTLED)[number])) return { row, refusal: null };
      }
      if (signal.aborted) return { row: await current(), refusal: null };

      // Ozon's own newest message, not the cache's: the cache may lag, and an older message with the same text
      // must not be taken for this one.
      const newest = await getChatHistory(connection, { chatId: chat.ozonChatId, direction: "Backward", limit: 1 });
      const newestBeforeSend = BigInt(newest.messages[0]?.messageId ?? "0");
      // The fence: only the lease's holder marks the row SENDING, and only then is the send made.
      const marked = await db.outboxMessage.updateMany({
        where: { id: row.id, leaseOwner: owner, state: { in: UNSETTLED } },
        data: { state: "SENDING", sentAfterMessageId: newestBeforeSend, attempts: { increment: 1 }, ...NO_OUTBOX_ERROR, nextAttemptAt: null },
      });
      if (marked.count === 0 || signal.aborted) return { row: await current(), refusal: null };
      row = await current();
      await publishOutboxChange(db, row);
      await reachOutboxStage("before-send", row);

      try {
        if (row.kind === "TEXT") {
          await sendMessage(connection, { chatId: chat.ozonChatId, text: row.text ?? "" });
        } else {
          await sendFile(connection, { chatId: chat.ozonChatId, name: row.fileName ?? "", content: row.fileContent ?? new Uint8Array() });
        }
      } catch (error) {
        // Anything but a clear answer from Ozon may have reached it: never resend blindly, look first.
        if (!isOzonApiError(error) || error.outcomeUnknown) return { row: await postpone(db, row, owner, settings, "UNKNOWN", error), refusal: null };
        if (isTransient(error) && row.attempts < settings.maxAttempts) {
          return { row: await postpone(db, row, owner, settings, "PENDING", error), refusal: null };
        }
        const failed = await fail(db, row, owner, error);
        // Ozon's "access period has expired" is the final word on the window: stored on the chat, every tab learns it.
        if (error.kind === "window_closed" && (await recordReplyRefusal(db, chat.id))) {
          await publishChatChange(db, { accountId: row.accountId, chatId: chat.id });
        }
        return { row: failed, refusal: error };
      }
      await reachOutboxStage("after-send", row);

      let lookup: SentMessageLookup = { candidates: [], recent: [] };
      try {
        lookup = await findSentMessageCandidates(connection, chat.ozonChatId, row, { afterMessageId: newestBeforeSend });
      } catch (error) {
        // Ozon has the message; only its id is unknown. The sync brings it, and attributes it to this row.
        if (!isOzonApiError(error)) throw error;
      }
      const recorded = await recordOutboxSent(db, connection, { row, chat, lookup, from: ["SENDING"], confirmedByOzon: true });
      const after = recorded ?? (await current());
      if (recorded && recorded.ozonMessageId === null) await publishOutboxChange(db, recorded);
      return { row: after, refusal: null };
    } catch (error) {
      // Ozon's fault while reading the chat (before this attempt's send, or looking for an earlier one).
      if (!isOzonApiError(error)) throw error;
      row = await current();
      // Nothing was sent and Ozon refuses this account or chat (a wrong key, no subscription): said at once.
      if (row.state === "PENDING" && !isTransient(error)) return { row: await fail(db, row, owner, error), refusal: error };
      return { row: await postpone(db, row, owner, settings, row.state === "PENDING" ? "PENDING" : "UNKNOWN", error), refusal: null };
    }
  });
}

/** Ozon said clearly that it did not take the request, and may take it later. */
function isTransient(error: OzonApiError): boolean {
  return error.kind === "rate_limited" || error.kind === "server_error" || error.kind === "network" || error.kind === "timeout";
}

/**
 * Gives the row back for a later try: UNKNOWN (looked for first) or PENDING (sent again; nothing of this attempt
 * reached Ozon, so the kept id is dropped). The wait doubles with each send, with jitter, at least Ozon's
 * Retry-After, at most `maxBackoffMs`; it runs on the database's clock.
 */
async function postpone(
  db: Db,
  row: OutboxMessage,
  owner: string,
  settings: OutboxSettings,
  state: "PENDING" | "UNKNOWN",
  error: unknown,
): Promise<OutboxMessage> {
  const exponential = Math.min(settings.maxBackoffMs, settings.baseBackoffMs * 2 ** Math.max(0, row.attempts - 1));
  const retryAfter = isOzonApiError(error) ? (error.retryAfterMs ?? 0) : 0;
  const delayMs = Math.round(Math.max(retryAfter, exponential * (0.5 + Math.random() / 2)));
  const reason = outboxErrorFields(error);
  await db.$executeRaw`
    UPDATE outbox
       SET state = CAST(${state} AS outbox_state),
           last_error = ${reason.lastError},
           last_error_code = ${reason.lastErrorCode},
           last_error_params = ${JSON.stringify(reason.lastErrorParams)}::jsonb,
           next_attempt_at = ${Prisma.raw(DB_NOW)} + ${delayMs}::int * interval '1 millisecond',
           sent_after_message_id = CASE WHEN ${state} = 'PENDING' THEN NULL ELSE sent_after_message_id END,
           lease_owner = NULL,
           lease_until = NULL,
           updated_at = ${Prisma.raw(DB_NOW)}
     WHERE id = ${row.id} AND lease_owner = ${owner} AND state::text IN ('PENDING', 'SENDING', 'UNKNOWN')`;
  const after = await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
  await publishOutboxChange(db, after);
  return after;
}

/** Ozon refused the message (or gave up on it): FAILED with the reason, until an agent presses Retry. */
async function fail(db: Db, row: OutboxMessage, owner: string, error: unknown): Promise<OutboxMessage> {
  await db.outboxMessage.updateMany({
    where: { id: row.id, leaseOwner: owner, state: { in: UNSETTLED } },
    data: { state: "FAILED", ...outboxErrorFields(error), sentAfterMessageId: null, leaseOwner: null, leaseUntil: null, nextAttemptAt: null },
  });
  const after = await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
  await publishOutboxChange(db, after);
  return after;
}
