import type { OutboxOutcome } from "@/lib/chats/outbox-outcome";
import type { OutboxView } from "@/lib/chats/outbox-view";

export type SendVariables =
  /** `resend`: Retry of a send whose answer never came; the server may already hold the row. */
  | { action: "text"; clientId: string; text: string; resend?: boolean }
  | { action: "file"; clientId: string; name: string; base64Content: string }
  | { action: "retry"; clientId: string; outboxId: string };

/** One send or retry as the mutation cache remembers it. */
export type SendAttempt = {
  variables: SendVariables;
  status: "idle" | "pending" | "success" | "error";
  data: OutboxOutcome | undefined;
  error: { code?: string; message: string } | null;
  submittedAt: number;
};

export type OutgoingState = "pending" | "sent" | "failed" | "unknown";

/** A message on its way from this inbox, shown under the history until Ozon's copy replaces it. */
export type OutgoingItem = {
  clientId: string;
  kind: "TEXT" | "FILE";
  text: string | null;
  fileName: string | null;
  state: OutgoingState;
  /** The server's words on why it is not sent (or may not be). */
  reason: string | null;
  /** The error code of a refusal (e.g. window_closed), when the browser saw it. */
  code: string | null;
  /** Known once the server has the outbox row: Retry goes through it. */
  outboxId: string | null;
  createdAt: string;
};

const ROW_STATE: Record<OutboxView["state"], OutgoingState> = {
  PENDING: "pending",
  SENDING: "pending",
  UNKNOWN: "unknown",
  FAILED: "failed",
  SENT: "sent",
};

/** What the history already shows: every message's id, and the text and time of those sent from this inbox. */
export type ShownHistory = { ids: Set<string>; sent: { text: string; createdAt: number }[] };

// Ozon's clock and the browser's may differ a little: a sent message counts as this send's from this much before it.
const CLOCK_SLACK_MS = 2_000;

/**
 * Merges this tab's sends and retries with the server's outbox (rows not yet SENT) into what the thread shows
 * below the history. The newest attempt of a clientId wins over an older server answer; a sent message whose
 * Ozon id is already in the history is left out (the history shows it). So is a text still pending whose copy the
 * live stream already put in the history (sent from this inbox, same text, not older than the send): the stream is
 * often quicker than the send's own answer, and the message must not show twice meanwhile.
 */
export function buildOutgoing(attempts: SendAttempt[], serverOutbox: OutboxView[], history: ShownHistory): OutgoingItem[] {
  const historyIds = history.ids;
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
    const row = rows.get(clientId);
    const tries = (byClient.get(clientId) ?? []).sort((a, b) => a.submittedAt - b.submittedAt);
    const latest = tries[tries.length - 1];
    const first = tries[0];
    const outcome = [...tries].reverse().find((attempt) => attempt.data)?.data?.outbox;
    const original = tries.map((attempt) => attempt.variables).find((v) => v.action !== "retry");
    const base = {
      clientId,
      kind: row?.kind ?? outcome?.kind ?? (original?.action === "file" ? "FILE" : "TEXT"),
      text: row?.text ?? outcome?.text ?? (original?.action === "text" ? original.text : null),
      fileName: row?.fileName ?? outcome?.fileName ?? (original?.action === "file" ? original.name : null),
      outboxId: row?.id ?? outcome?.id ?? null,
      createdAt: row?.createdAt ?? outcome?.createdAt ?? new Date(first?.submittedAt ?? 0).toISOString(),
    } satisfies Partial<OutgoingItem>;

    let state: OutgoingState;
    let reason: string | null = null;
    let code: string | null = null;
    if (latest?.status === "pending") {
      state = "pending";
    } else if (latest?.status === "success" && latest.data) {
      const answered = latest.data.outbox;
      if (answered.state === "SENT") {
        const id = latest.data.message?.id ?? answered.ozonMessageId;
        if (id && historyIds.has(id)) continue;
        state = "sent";
      } else {
        state = ROW_STATE[answered.state];
        reason = answered.lastError;
      }
    } else if (latest?.status === "error" && latest.error) {
      state = row && row.state !== "FAILED" && row.state !== "UNKNOWN" ? ROW_STATE[row.state] : "failed";
      reason = latest.error.message;
      code = latest.error.code ?? null;
      if (row?.state === "UNKNOWN") state = "unknown";
    } else if (row) {
      state = ROW_STATE[row.state];
      reason = row.lastError;
    } else {
      continue;
    }
    if (state === "pending" && base.kind === "TEXT" && base.text !== null) {
      const since = Date.parse(base.createdAt) - CLOCK_SLACK_MS;
      if (history.sent.some((message) => message.text === base.text && message.createdAt >= since)) continue;
    }
    items.push({ ...base, state, reason, code });
  }
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
