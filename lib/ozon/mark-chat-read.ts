/** POST /v2/chat/read — marks a message and all earlier ones read. Idempotent: retried like a read. */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { ozonRequest, parseRequest } from "./request";
import { countSchema, ozonIdSchema, type OzonMessageId } from "./schemas";

const MARK_CHAT_READ_PATH = "/v2/chat/read";

const markChatReadRequestSchema = z.object({
  chat_id: z.string().min(1, { error: "chat_id is required" }),
  // A bare JSON integer on the wire (Ozon's schema: integer <uint64>), written losslessly from a bigint.
  from_message_id: ozonIdSchema.transform((id) => BigInt(id)).optional(),
});
export type MarkChatReadRequest = z.input<typeof markChatReadRequestSchema>;

const markChatReadResponseSchema = z
  .object({ unread_count: countSchema.optional() })
  .transform((r) => ({ unreadCount: r.unread_count ?? 0 }));
export type MarkChatReadResult = z.output<typeof markChatReadResponseSchema>;

/**
 * Marks `fromMessageId` and every earlier message read; without it, the whole chat
 * [inf: undocumented, the emulator marks all]. Returns the chat's unread count afterwards.
 */
export async function markChatRead(
  conn: OzonConnection,
  params: { chatId: string; fromMessageId?: OzonMessageId | bigint },
  opts?: OzonCallOptions,
): Promise<MarkChatReadResult> {
  const body = parseRequest(
    markChatReadRequestSchema,
    {
      chat_id: params.chatId,
      ...(params.fromMessageId !== undefined ? { from_message_id: params.fromMessageId } : {}),
    },
    MARK_CHAT_READ_PATH,
  );
  return ozonRequest(conn, { path: MARK_CHAT_READ_PATH, body, schema: markChatReadResponseSchema, idempotent: true }, opts);
}
