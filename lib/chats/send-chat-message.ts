import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { OutboxMessage } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import { checkMessageText, type OzonConnection } from "@/lib/ozon";
import { claimOutboxMessage } from "./claim-outbox-message";
import { deliverOutboxMessage } from "./deliver-outbox-message";
import { findAccountChat } from "./find-account-chat";
import { requiredString } from "./required-string";
import { outboxOutcomeSchema, toOutboxOutcome, type OutboxOutcome } from "./outbox-outcome";
import { createOutboxRow } from "./create-outbox-row";

export const sendChatMessageRequestSchema = z.object({
  /** The browser's temporary id of the message: a repeated POST with it does not send twice. */
  clientId: requiredString("clientId")
    .trim()
    .min(1, { error: "clientId is required" })
    .max(100, { error: "clientId must be at most 100 characters" }),
  /** 1 to 1000 characters (Unicode code points), not only blanks; sent as typed. */
  text: requiredString("text"),
});
export type SendChatMessageRequest = z.input<typeof sendChatMessageRequestSchema>;

export const sendChatMessageResponseSchema = outboxOutcomeSchema;
export type SendChatMessageResponse = OutboxOutcome;

/**
 * Sends a text to a chat through the outbox: the row is written first (so nothing typed is lost and a repeated
 * POST finds it), then sent once, then recorded (see deliverOutboxMessage).
 */
export async function sendChatMessage(
  db: Db,
  connection: OzonConnection,
  target: { accountId: string; chatId: string; userId: string },
  request: SendChatMessageRequest,
): Promise<SendChatMessageResponse> {
  const { clientId, text } = sendChatMessageRequestSchema.parse(request);
  const check = checkMessageText(text);
  if (!check.ok) throw new ApiError(400, "invalid_input", check.message);
  const chat = await findAccountChat(db, target.accountId, target.chatId);

  const { row, created } = await createOutboxRow(db, {
    accountId: target.accountId,
    chatId: chat.id,
    clientId,
    userId: target.userId,
    kind: "TEXT",
    text,
  });
  if (!created) return replay(db, row, (existing) => existing.chatId === chat.id && existing.kind === "TEXT" && existing.text === text);

  const claimed = await claimOutboxMessage(db, row.id, ["PENDING"]);
  if (!claimed) return toOutboxOutcome(db, await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } }));
  return deliverOutboxMessage(db, connection, claimed, chat);
}

/** A repeated POST answers what became of the first one; the same clientId for other content is a mistake. */
async function replay(db: Db, existing: OutboxMessage, isSame: (row: OutboxMessage) => boolean): Promise<OutboxOutcome> {
  if (!isSame(existing)) {
    throw new ApiError(409, "conflict", "This clientId was already used for a different message; use a new one.");
  }
  return toOutboxOutcome(db, existing);
}
