import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { checkMessageText, MESSAGE_TEXT_MAX_CHARS, type OzonConnection } from "@/lib/ozon";
import { assertTextAllowed } from "@/lib/policy/assert-text-allowed";
import { findUnfilledVariables } from "@/lib/replies/fill-reply-variables";
import { outboxOutcomeSchema, type OutboxOutcome } from "./outbox-outcome";
import { requiredString } from "./required-string";
import { outboxClientIdSchema, sendThroughOutbox } from "./send-through-outbox";

export const sendChatMessageRequestSchema = z.object({
  clientId: outboxClientIdSchema,
  /** 1 to 1000 characters (Unicode code points), not only blanks; sent as typed. */
  text: requiredString("text"),
  /** The agent saw the policy check's reasons (lib/policy) and sends anyway; without it a flagged text is refused. */
  confirmed: z.boolean().optional(),
});
export type SendChatMessageRequest = z.input<typeof sendChatMessageRequestSchema>;

export const sendChatMessageResponseSchema = outboxOutcomeSchema;
export type SendChatMessageResponse = OutboxOutcome;

/** Sends a text to a chat through the outbox (see sendThroughOutbox). */
export async function sendChatMessage(
  db: Db,
  connection: OzonConnection,
  target: { accountId: string; chatId: string; userId: string },
  request: SendChatMessageRequest,
): Promise<SendChatMessageResponse> {
  const { clientId, text, confirmed = false } = sendChatMessageRequestSchema.parse(request);
  const check = checkMessageText(text);
  if (!check.ok) throw new AppError("message_text_invalid", { problem: check.problem, length: check.length, max: MESSAGE_TEXT_MAX_CHARS });
  // A saved reply's variable the chat had no value for: the agent writes it in first.
  const unfilled = findUnfilledVariables(text);
  if (unfilled.length > 0) throw new AppError("variables_unfilled", { names: unfilled });
  assertTextAllowed(text, confirmed);
  return sendThroughOutbox(db, connection, target, clientId, { kind: "TEXT", text });
}
