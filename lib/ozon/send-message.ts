/** POST /v1/chat/send/message — NOT idempotent: never retried; an ambiguous failure has outcomeUnknown. */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { ozonRequest, parseRequest } from "./request";
import { validateMessageText } from "./validate-message-text";

const SEND_MESSAGE_PATH = "/v1/chat/send/message";

const sendMessageRequestSchema = z.object({
  chat_id: z.string().min(1, { error: "chat_id is required" }),
  text: z.string(),
});
export type SendMessageRequest = z.input<typeof sendMessageRequestSchema>;

const sendMessageResponseSchema = z.object({ result: z.string().optional() }).transform((r) => ({
  result: r.result ?? "",
}));
export type SendMessageResult = z.output<typeof sendMessageResponseSchema>;

export type SendMessageParams = { chatId: string; text: string };

/**
 * Sends a text message to an existing chat. The text is checked first (1..1000 code points, not blank):
 * a bad text throws kind "invalid_input" without a request. The text is sent as given (not trimmed).
 */
export async function sendMessage(
  conn: OzonConnection,
  params: SendMessageParams,
  opts?: OzonCallOptions,
): Promise<SendMessageResult> {
  validateMessageText(params.text);
  const body = parseRequest(sendMessageRequestSchema, { chat_id: params.chatId, text: params.text }, SEND_MESSAGE_PATH);
  return ozonRequest(conn, { path: SEND_MESSAGE_PATH, body, schema: sendMessageResponseSchema, idempotent: false }, opts);
}
