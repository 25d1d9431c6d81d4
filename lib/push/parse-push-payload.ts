import { z } from "zod";

import { looseStringSchema, ozonIdSchema } from "@/lib/ozon/schemas";

/** The chat notifications the inbox applies (contract §11.4). */
const CHAT_PUSH_TYPES = ["TYPE_NEW_MESSAGE", "TYPE_UPDATE_MESSAGE", "TYPE_MESSAGE_READ", "TYPE_CHAT_CLOSED"] as const;
export type ChatPushType = (typeof CHAT_PUSH_TYPES)[number];

/**
 * Ozon's other documented notification types (§11.4). A seller may tick them in the portal for the same URL; they are
 * answered 200 and ignored, because any error answer counts against the URL and enough of them make Ozon suspend ALL
 * pushes to it, chats included.
 */
const IGNORED_PUSH_TYPES = new Set([
  "TYPE_NEW_POSTING",
  "TYPE_POSTING_CANCELLED",
  "TYPE_STATE_CHANGED",
  "TYPE_CUTOFF_DATE_CHANGED",
  "TYPE_DELIVERY_DATE_CHANGED",
  "TYPE_CREATE_OR_UPDATE_ITEM",
  "TYPE_CREATE_ITEM",
  "TYPE_UPDATE_ITEM",
  "TYPE_PRICE_INDEX_CHANGED",
  "TYPE_STOCKS_CHANGED",
  "TYPE_DESCRIPTION_CATEGORY_TREE_CHANGED",
  "TYPE_FBO_POSTING_NEW",
  "TYPE_FBO_POSTING_CANCELLED",
  "TYPE_FBO_POSTING_STATE_CHANGED",
  "TYPE_FBO_POSTING_DELIVERY_DATE_CHANGED",
  "TYPE_FBO_STOCKS_CHANGED",
  "TYPE_ORDER_NEW",
  "TYPE_ORDER_CANCELLED",
  "TYPE_ORDER_STATE_CHANGED",
]);

const isoDateSchema = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), { error: "must be a date-time" })
  .transform((value) => new Date(value).toISOString());

// user.type stays as Ozon wrote it ("Сustomer" with a Cyrillic С included): normalizeUserType reads it when applied.
const userSchema = z.object({ id: looseStringSchema, type: z.string().min(1) });

const common = {
  chat_id: z.string().trim().min(1).max(100),
  chat_type: z.string().trim().min(1).max(100),
  // The table says int64, the examples "7": either is accepted, and it is not used (the URL names the account).
  seller_id: looseStringSchema.optional(),
};
const messageFields = {
  message_id: ozonIdSchema,
  created_at: isoDateSchema,
  user: userSchema,
  data: z.array(z.string()),
};

const schemas = {
  TYPE_NEW_MESSAGE: z.object({ ...common, ...messageFields }),
  TYPE_UPDATE_MESSAGE: z.object({ ...common, ...messageFields, updated_at: isoDateSchema }),
  TYPE_MESSAGE_READ: z.object({
    ...common,
    last_read_message_id: ozonIdSchema,
    message_id: ozonIdSchema.optional(),
    created_at: isoDateSchema.optional(),
    user: userSchema.optional(),
  }),
  TYPE_CHAT_CLOSED: z.object({ ...common, user: userSchema.optional() }),
} satisfies Record<ChatPushType, z.ZodType>;

/** A chat notification as stored in push_events.payload: Ozon's field names, ids as decimal strings, dates ISO UTC. */
export type PushChatEvent =
  | ({ message_type: "TYPE_NEW_MESSAGE" } & z.output<(typeof schemas)["TYPE_NEW_MESSAGE"]>)
  | ({ message_type: "TYPE_UPDATE_MESSAGE" } & z.output<(typeof schemas)["TYPE_UPDATE_MESSAGE"]>)
  | ({ message_type: "TYPE_MESSAGE_READ" } & z.output<(typeof schemas)["TYPE_MESSAGE_READ"]>)
  | ({ message_type: "TYPE_CHAT_CLOSED" } & z.output<(typeof schemas)["TYPE_CHAT_CLOSED"]>);

export type PushErrorCode = "ERROR_UNKNOWN" | "ERROR_PARAMETER_VALUE_MISSED" | "ERROR_REQUEST_DUPLICATED";

export type ParsedPush =
  | { kind: "ping" }
  | { kind: "ignored"; messageType: string }
  | { kind: "chat"; event: PushChatEvent }
  | { kind: "error"; status: number; code: PushErrorCode; message: string };

/** Reads a notification body (already JSON-parsed, big integers as strings) into what the receiver acts on. */
export function parsePushPayload(body: unknown): ParsedPush {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return { kind: "error", status: 400, code: "ERROR_UNKNOWN", message: "The notification must be a JSON object." };
  }
  const messageType = (body as Record<string, unknown>).message_type;
  if (typeof messageType !== "string" || messageType.length === 0) {
    return { kind: "error", status: 400, code: "ERROR_PARAMETER_VALUE_MISSED", message: "message_type is missing." };
  }
  if (messageType === "TYPE_PING") return { kind: "ping" };
  // Ozon's other types, and any type Ozon adds later: answered with success and ignored. An error answer would count
  // against the URL (enough of them and Ozon stops every push to it, chats included), and a new type is no error.
  if (IGNORED_PUSH_TYPES.has(messageType) || !(CHAT_PUSH_TYPES as readonly string[]).includes(messageType)) return { kind: "ignored", messageType };
  const type = messageType as ChatPushType;
  const result = schemas[type].safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join(".") || "the notification";
    const missing = valueAt(body, issue?.path ?? []) === undefined;
    return {
      kind: "error",
      status: 400,
      code: "ERROR_PARAMETER_VALUE_MISSED",
      message: missing ? `${field} is missing.` : `${field} is invalid: ${(issue?.message ?? "not accepted").replace(/\.$/, "")}.`,
    };
  }
  return { kind: "chat", event: { message_type: type, ...result.data } as PushChatEvent };
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (!current || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
