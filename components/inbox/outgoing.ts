import type { OutboxOutcome } from "@/lib/chats/outbox-outcome";
import type { OutboxView } from "@/lib/cache/outbox-view";

export type SendVariables =
  /** `resend`: Retry of a send whose answer never came; the server may already hold the row. */
  | { action: "text"; clientId: string; text: string; resend?: boolean; confirmed?: boolean }
  | { action: "file"; clientId: string; name: string; base64Content: string }
  | { action: "retry"; clientId: string; outboxId: string };

/** One send or retry as the mutation cache remembers it. */
export type SendAttempt = {
  variables: SendVariables;
  status: "idle" | "pending" | "success" | "error";
  data: OutboxOutcome | undefined;
  error: { code?: string; message: string; params?: Record<string, unknown> } | null;
  submittedAt: number;
};

/**
 * What the thread says of a message on its way. `checking`: Ozon did not confirm it and the server is looking for
 * it in the chat (it is never said "not sent" while its fate is unknown); `failed`: Ozon refused it or it could not
 * be sent, with the reason and Retry.
 */
export type OutgoingState = "pending" | "checking" | "sent" | "failed";

/** A message on its way from this inbox, shown under the history until Ozon's copy (same client id) replaces it. */
export type OutgoingItem = {
  clientId: string;
  kind: "TEXT" | "FILE";
  text: string | null;
  fileName: string | null;
  state: OutgoingState;
  /** The server's words on why it is not sent (failed only). */
  reason: string | null;
  /** The error code of a refusal (e.g. window_closed) and its parameters, when the browser saw it. */
  code: string | null;
  params: Record<string, unknown> | null;
  /** Known once the server has the outbox row: Retry goes through it. */
  outboxId: string | null;
  createdAt: string;
};

const ROW_STATE: Record<OutboxView["state"], OutgoingState> = {
  PENDING: "pending",
  SENDING: "pending",
  UNKNOWN: "checking",
  FAILED: "failed",
  SENT: "sent",
};

/** What the history already shows: every message's Ozon id, and the client ids of those sent from this inbox. */
export type ShownHistory = { ids: Set<string>; clientIds: Set<string> };

/** The later of two views of one outbox row (the server's list, a live event, a send's answer). */
function fresher(a: OutboxView | undefined, b: OutboxView | undefined): OutboxView | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.updatedAt > a.updatedAt ? b : a;
}

/**
 * Merges this tab's sends and retries with the server's outbox rows into what the thread shows below the history.
 * Identity is the client id, end to end: a message whose client id the history holds is shown there, at the place
 * Ozon gave it, and not here (however it got there: the send's answer, the live stream, a sync). Of the row's views
 * the latest wins; a request that died without the server's answer is "checking" (the server settles it), never
 * "not sent"; only the server's clear refusal is "failed".
 */
export function buildOutgoing(attempts: SendAttempt[], serverOutbox: OutboxView[], history: ShownHistory): OutgoingItem[] {
  const byClient = new Map<string, SendAttempt[]>();
  for (const attempt of attempts) {
    const list = byClient.get(attempt.variables.clientId) ?? [];
    list.push(attempt);
    byClient.set(attempt.variables.clientId, list);
  }
  const rows = new Map(serverOutbox.map((row) => [row.clientId, row]));
  const clientIds = new Set([...rows.keys(), ...byClient.keys()]);
  const items: OutgoingItem[] = [];

  for (const clientId of clientIds) {
    if (history.clientIds.has(clientId)) continue;
    const tries = (byClient.get(clientId) ?? []).sort((a, b) => a.submittedAt - b.submittedAt);
    const latest = tries[tries.length - 1];
    const first = tries[0];
    const answered = [...tries].reverse().find((attempt) => attempt.data)?.data;
    const row = fresher(rows.get(clientId), answered?.outbox);
    // The answer's own message, by its Ozon id: the history shows it.
    if (answered?.message && history.ids.has(answered.message.id)) continue;
    const original = tries.map((attempt) => attempt.variables).find((v) => v.action !== "retry");
    const base = {
      clientId,
      kind: row?.kind ?? (original?.action === "file" ? "FILE" : "TEXT"),
      text: row?.text ?? (original?.action === "text" ? original.text : null),
      fileName: row?.fileName ?? (original?.action === "file" ? original.name : null),
      outboxId: row?.id ?? null,
      createdAt: row?.createdAt ?? new Date(first?.submittedAt ?? 0).toISOString(),
    } satisfies Partial<OutgoingItem>;

    let state: OutgoingState;
    let reason: string | null = null;
    let code: string | null = null;
    let params: Record<string, unknown> | null = null;
    if (latest?.status === "pending") {
      state = "pending";
    } else if (latest?.status === "error" && latest.error && !(row && rowIsNewer(row, latest))) {
      // The server refused it in words, or the request died: then its fate is the server's to settle.
      if (latest.error.code && !UNSETTLED_CODES.has(latest.error.code)) {
        state = "failed";
        reason = latest.error.message;
        code = latest.error.code;
        params = latest.error.params ?? null;
      } else {
        state = row ? ROW_STATE[row.state] : "checking";
        if (state === "failed") ({ reason, code, params } = failureOf(row) ?? { reason: latest.error.message, code: null, params: null });
      }
    } else if (row) {
      state = ROW_STATE[row.state];
      if (state === "failed") ({ reason, code, params } = failureOf(row) ?? { reason: null, code: null, params: null });
      if (row.state === "SENT" && row.ozonMessageId !== null && history.ids.has(row.ozonMessageId)) continue;
    } else {
      continue;
    }
    items.push({ ...base, state, reason, code, params });
  }
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Errors that say nothing of the message's fate: the request died, or the server could not finish it. */
const UNSETTLED_CODES = new Set(["network", "internal", "ozon_unavailable", "outcome_unknown"]);

/** A server view of the row from after the attempt was made (a live event, a refetch) tells more than its error. */
function rowIsNewer(row: OutboxView, attempt: SendAttempt): boolean {
  return Date.parse(row.updatedAt) > attempt.submittedAt;
}

/** A failed row's reason: its English words, and the code and parameters the bubble words in the page's language. */
function failureOf(row: OutboxView | undefined): { reason: string | null; code: string | null; params: Record<string, unknown> | null } | null {
  if (!row) return null;
  return { reason: row.lastError, code: row.lastErrorCode, params: row.lastErrorParams };
}
