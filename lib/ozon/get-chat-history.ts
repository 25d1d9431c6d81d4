/** POST /v3/chat/history — messages of one chat, either direction. */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { ozonRequest, parseRequest } from "./request";
import {
  looseStringSchema,
  normalizeUserType,
  optionalStringSchema,
  ozonIdSchema,
  type OzonMessageId,
  type OzonUserType,
} from "./schemas";

export const GET_CHAT_HISTORY_PATH = "/v3/chat/history";
export const CHAT_HISTORY_MAX_LIMIT = 1000;
export const CHAT_HISTORY_DEFAULT_LIMIT = 50;

export const getChatHistoryRequestSchema = z
  .object({
    chat_id: z.string().min(1, { error: "chat_id is required" }),
    direction: z.enum(["Forward", "Backward"]).optional(),
    filter: z.object({ message_ids: z.array(ozonIdSchema).optional() }).optional(),
    // Sent as a bare JSON integer, written losslessly (a bigint through lossless-json), as Ozon's schema documents
    // it (integer <uint64>); never through a JS number.
    from_message_id: ozonIdSchema.transform((id) => BigInt(id)).optional(),
    limit: z
      .number()
      .int()
      .min(1, { error: `limit must be 1 to ${CHAT_HISTORY_MAX_LIMIT}` })
      .max(CHAT_HISTORY_MAX_LIMIT, { error: `limit must be 1 to ${CHAT_HISTORY_MAX_LIMIT}` })
      .optional(),
  })
  .refine((r) => r.direction !== "Forward" || r.from_message_id !== undefined, {
    error: "from_message_id is required when direction is Forward",
    path: ["from_message_id"],
  });
export type GetChatHistoryRequest = z.input<typeof getChatHistoryRequestSchema>;

export type OzonChatMessage = {
  messageId: OzonMessageId;
  user: { id: string; type: OzonUserType; rawType: string };
  createdAt: string;
  /** Whether the SELLER has read it (buyer messages become read via /v2/chat/read). */
  isRead: boolean;
  isImage: boolean;
  /** "SUCCESS" | "MODERATION" | "FAILED" | null */
  moderateImageStatus: string | null;
  /** Markdown strings, usually one. */
  data: string[];
  /** Order context of the message, when Ozon gives one (order number, not posting number). */
  context: { orderNumber: string | null; sku: string | null } | null;
};

const messageSchema = z
  .object({
    message_id: ozonIdSchema,
    user: z.object({ id: looseStringSchema.optional(), type: z.string() }),
    created_at: z.string(),
    is_read: z.boolean().optional(),
    is_image: z.boolean().optional(),
    moderate_image_status: z.string().nullish(),
    data: z.array(z.string()).nullish(),
    context: z.object({ order_number: optionalStringSchema, sku: optionalStringSchema }).nullish(),
  })
  .transform(
    (m): OzonChatMessage => ({
      messageId: m.message_id,
      user: { id: m.user.id ?? "", type: normalizeUserType(m.user.type), rawType: m.user.type },
      createdAt: m.created_at,
      isRead: m.is_read ?? false,
      isImage: m.is_image ?? false,
      moderateImageStatus: m.moderate_image_status || null,
      data: m.data ?? [],
      context:
        m.context && (m.context.order_number !== null || m.context.sku !== null)
          ? { orderNumber: m.context.order_number, sku: m.context.sku }
          : null,
    }),
  );

export const getChatHistoryResponseSchema = z
  .object({
    has_next: z.boolean().optional(),
    messages: z.array(messageSchema).nullish(),
  })
  .transform((r) => ({ hasNext: r.has_next ?? false, messages: r.messages ?? [] }));
export type GetChatHistoryResult = z.output<typeof getChatHistoryResponseSchema>;

export type GetChatHistoryParams = {
  chatId: string;
  /** "Backward" (default: newest to oldest) or "Forward" (oldest to newest; needs fromMessageId). */
  direction?: "Forward" | "Backward";
  /**
   * The page starts AT this message, inclusive [inf: "с которого нужно начать вывод"; dedupe by id].
   * Without it, Backward starts at the newest message.
   */
  fromMessageId?: OzonMessageId | bigint;
  /** 1..1000 (Ozon's default 50). */
  limit?: number;
  /** Only these messages (still ordered by direction). */
  messageIds?: readonly (OzonMessageId | bigint)[];
};

/** One page of a chat's history. */
export async function getChatHistory(
  conn: OzonConnection,
  params: GetChatHistoryParams,
  opts?: OzonCallOptions,
): Promise<GetChatHistoryResult> {
  const wire = {
    chat_id: params.chatId,
    ...(params.direction ? { direction: params.direction } : {}),
    ...(params.messageIds ? { filter: { message_ids: [...params.messageIds] } } : {}),
    ...(params.fromMessageId !== undefined ? { from_message_id: params.fromMessageId } : {}),
    ...(params.limit !== undefined ? { limit: params.limit } : {}),
  };
  const body = parseRequest(getChatHistoryRequestSchema, wire, GET_CHAT_HISTORY_PATH);
  return ozonRequest(
    conn,
    { path: GET_CHAT_HISTORY_PATH, body, schema: getChatHistoryResponseSchema, idempotent: true },
    opts,
  );
}
