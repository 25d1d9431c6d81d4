import type { Db } from "@/lib/db/client";
import type { OutboxMessage } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import type { OzonConnection } from "@/lib/ozon";
import { createOutboxRow } from "./create-outbox-row";
import { findAccountChat } from "./find-account-chat";
import { toOutboxOutcome, type OutboxOutcome } from "./outbox-outcome";
import { requiredString } from "./required-string";
import { computeReplyState } from "@/lib/reply-window/reply-state";
import { settleOutboxMessageNow, type OutboxRunOptions } from "./settle-outbox-message-now";

/** The browser's temporary id of a message: a repeated POST with it does not send twice. */
export const outboxClientIdSchema = requiredString("clientId")
  .trim()
  .min(1, { error: "clientId is required" })
  .max(100, { error: "clientId must be at most 100 characters" });

export type OutboxContent =
  | { kind: "TEXT"; text: string }
  | { kind: "FILE"; fileName: string; fileContent: Uint8Array<ArrayBuffer> };

/**
 * What sendChatMessage and sendChatFile share, once their content is checked: the outbox row is written first (so
 * nothing typed is lost and a repeated POST finds it), then sent once through the outbox's one path
 * (processOutboxMessage). Ozon's clear refusal is thrown (the route answers it); any other outcome is answered as
 * the row's state: SENT, or on its way (PENDING, SENDING, UNKNOWN) for the outbox worker to finish.
 */
export async function sendThroughOutbox(
  db: Db,
  connection: OzonConnection,
  target: { accountId: string; chatId: string; userId: string },
  clientId: string,
  content: OutboxContent,
  options: OutboxRunOptions = {},
): Promise<OutboxOutcome> {
  const chat = await findAccountChat(db, target.accountId, target.chatId);
  // A product question or review takes no chat message: its answers go to Ozon by /answers (lib/feedback).
  if (chat.type === "question" || chat.type === "review") throw new AppError("window_closed", { reason: "read_only_chat" });
  const replyState = computeReplyState(chat);
  const repeated = await db.outboxMessage.findUnique({ where: { accountId_clientId: { accountId: target.accountId, clientId } }, select: { id: true } });
  if (!replyState.canReply && !repeated) {
    // Nothing is written: a send the window refuses is not a message to retry.
    throw new AppError("window_closed", { reason: replyState.reason ?? "ozon_refused" });
  }
  const { row, created } = await createOutboxRow(db, { accountId: target.accountId, chatId: chat.id, clientId, userId: target.userId, ...content });
  if (!created) {
    // A repeated POST answers what became of the first one; the same clientId for other content is a mistake.
    if (row.chatId !== chat.id || !hasContent(row, content)) {
      throw new AppError("client_id_reused");
    }
    return toOutboxOutcome(db, row);
  }
  const processed = await settleOutboxMessageNow(db, connection, row.id, options);
  if (processed?.refusal) throw processed.refusal;
  return toOutboxOutcome(db, processed?.row ?? (await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })));
}

function hasContent(row: OutboxMessage, content: OutboxContent): boolean {
  return content.kind === "TEXT" ? row.kind === "TEXT" && row.text === content.text : row.kind === "FILE" && row.fileName === content.fileName;
}
