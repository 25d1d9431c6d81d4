import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { checkMessageText, type OzonConnection } from "@/lib/ozon";
import { outboxOutcomeSchema, type OutboxOutcome } from "./outbox-outcome";
import { requiredString } from "./required-string";
import { outboxClientIdSchema, sendThroughOutbox } from "./send-through-outbox";

export const sendChatMessageRequestSchema = z.object({
  clientId: outboxClientIdSchema,
  /** 1 to 1000 characters (Unicode code points), not only blanks; sent as typed. */
  text: requiredString("text"),
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
  const { clientId, text } = sendChatMessageRequestSchema.parse(request);
  const check = checkMessageText(text);
  if (!check.ok) throw new ApiError(400, "invalid_input", check.message);
  return sendThroughOutbox(db, connection, target, clientId, { kind: "TEXT", text });
}
