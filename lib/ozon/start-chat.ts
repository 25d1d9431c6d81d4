/** POST /v1/chat/start — NOT idempotent for our purposes: never retried; an ambiguous failure has outcomeUnknown. */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { ozonRequest, parseRequest } from "./request";

const START_CHAT_PATH = "/v1/chat/start";

const startChatRequestSchema = z.object({
  posting_number: z.string().trim().min(1, { error: "posting_number is required" }),
});
export type StartChatRequest = z.input<typeof startChatRequestSchema>;

const startChatResponseSchema = z
  .object({ result: z.object({ chat_id: z.string().min(1) }) })
  .transform((r) => ({ chatId: r.result.chat_id }));
export type StartChatResult = z.output<typeof startChatResponseSchema>;

/**
 * Starts a chat with the buyer of an FBS/rFBS posting (within 72 h of payment or delivery).
 * FBO: only the buyer can start → kind "window_closed". A posting that already has a chat returns that
 * chat [inf: undocumented; the emulator does so].
 */
export async function startChat(
  conn: OzonConnection,
  params: { postingNumber: string },
  opts?: OzonCallOptions,
): Promise<StartChatResult> {
  const body = parseRequest(startChatRequestSchema, { posting_number: params.postingNumber }, START_CHAT_PATH);
  return ozonRequest(conn, { path: START_CHAT_PATH, body, schema: startChatResponseSchema, idempotent: false }, opts);
}
