import { getClientAddress } from "@/lib/auth/get-client-address";
import type { Db } from "@/lib/db/client";
import { readLimitedText } from "@/lib/http/read-limited-text";
import { parseJsonLossless } from "@/lib/ozon/request";

import packageJson from "@/package.json";

import { findPushAccount } from "./find-push-account";
import { trackPushIntake } from "./intake-pressure";
import { isOzonPushAddress } from "./is-ozon-push-address";
import { parsePushPayload } from "./parse-push-payload";
import { pushDedupeKey } from "./push-dedupe-key";
import { pushErrorResponse } from "./push-error-response";
import { storePushEvent } from "./store-push-event";

const MAX_PUSH_BYTES = 1024 * 1024;
const PUSH_APP_NAME = "Seller Inbox";

export type ReceivedPush = {
  response: Response;
  /** The account whose queue got a new event (the caller starts processing it after answering). */
  queuedFor?: string;
};

// 32 random bytes in base64url: anything else cannot be a token, and is refused without a database query.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Everything POST /api/push/<token> does before it answers, and nothing slower: Ozon suspends pushes to an endpoint
 * that takes over 5 s or answers non-200 too often, so a chat event costs a share of one token lookup and one INSERT
 * (pushes arriving together share each, batchWhileBusy), at most one small UPDATE a second, and no Ozon call.
 *
 * Order: the token (unknown → 404), the account's source-network option (→ 403), the body (≤ 1 MiB of JSON), the
 * payload. A chat event is queued in push_events (a repeated delivery hits the dedupe key and is dropped; pushes
 * arriving together share one INSERT, store-push-event.ts) and the account's last_push_at moves (at most once a
 * second); a duplicate is answered `{"result": true}` too, since to Ozon any other answer is a
 * failed delivery. Errors carry Ozon's error body and change nothing.
 *
 * The source address is read as the sign-in limiter reads it (lib/auth/get-client-address.ts): the socket's peer,
 * or behind a proxy listed in TRUSTED_PROXIES the address that proxy saw.
 */
export function receivePush(db: Db, token: string, request: Request): Promise<ReceivedPush> {
  // Counted as intake while it lasts: this process's push processing waits meanwhile (intake-pressure.ts).
  return trackPushIntake(() => receive(db, token, request));
}

async function receive(db: Db, token: string, request: Request): Promise<ReceivedPush> {
  const startedAt = new Date();
  const unknown = () => ({ response: pushErrorResponse(404, "ERROR_UNKNOWN", "This push URL is not (or no longer) valid.") });
  if (!TOKEN_PATTERN.test(token)) return unknown();
  const account = await findPushAccount(db, token);
  if (!account) return unknown();
  if (account.pushOzonNetworksOnly && !isOzonPushAddress(getClientAddress(request.headers))) {
    return { response: pushErrorResponse(403, "ERROR_UNKNOWN", "Pushes to this URL are accepted only from Ozon's networks.") };
  }

  const text = await readLimitedText(request, MAX_PUSH_BYTES);
  if (text === null) return { response: pushErrorResponse(413, "ERROR_UNKNOWN", "The notification is larger than 1 MiB.") };
  let body: unknown;
  try {
    body = parseJsonLossless(text);
  } catch {
    return { response: pushErrorResponse(400, "ERROR_UNKNOWN", "The notification is not valid JSON.") };
  }

  const parsed = parsePushPayload(body);
  switch (parsed.kind) {
    case "error":
      return { response: pushErrorResponse(parsed.status, parsed.code, parsed.message) };
    case "ping":
      return { response: Response.json({ version: packageJson.version, name: PUSH_APP_NAME, time: startedAt.toISOString() }) };
    case "ignored":
      return { response: Response.json({ result: true }) };
    case "chat": {
      const event = parsed.event;
      const stored = await storePushEvent(db, {
        accountId: account.id,
        dedupeKey: pushDedupeKey(event),
        messageType: event.message_type,
        payload: event,
      });
      await notePushArrival(db, account.id, startedAt);
      return { response: Response.json({ result: true }), ...(stored ? { queuedFor: account.id } : {}) };
    }
  }
}

const LAST_PUSH_WRITE_EVERY_MS = 1_000;
const globalForPush = globalThis as typeof globalThis & { __sellerInboxLastPushWrites?: Map<string, number> };
const lastPushWrites = (globalForPush.__sellerInboxLastPushWrites ??= new Map<string, number>());

/**
 * Moves the account's last_push_at (the poll backs off while pushes arrive), at most once a second: during a flood
 * the other pushes match no row (nothing to lock, nothing to wait for) and the INSERT … ON CONFLICT DO NOTHING of a
 * first push is free when the row exists.
 */
async function notePushArrival(db: Db, accountId: string, at: Date): Promise<void> {
  // This process moved it within the second: nothing to write (an optimisation only: each instance still writes at
  // most once a second, and the database's condition below decides).
  const wroteAt = lastPushWrites.get(accountId);
  if (wroteAt !== undefined && at.getTime() - wroteAt < LAST_PUSH_WRITE_EVERY_MS) return;
  lastPushWrites.set(accountId, at.getTime());
  const moved = await db.syncState.updateMany({
    where: { accountId, OR: [{ lastPushAt: null }, { lastPushAt: { lt: new Date(at.getTime() - LAST_PUSH_WRITE_EVERY_MS) } }] },
    data: { lastPushAt: at },
  });
  if (moved.count === 0) await db.syncState.createMany({ data: [{ accountId, lastPushAt: at }], skipDuplicates: true });
}
