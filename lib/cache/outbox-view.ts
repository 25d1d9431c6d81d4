import { z } from "zod";
import type { OutboxMessage, Prisma } from "@/lib/db/generated/client";

/** An outbox row for the browser: what was sent or is waiting, and why it failed. Never the file's bytes. */
export const outboxViewSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  chatId: z.string(),
  kind: z.enum(["TEXT", "FILE"]),
  text: z.string().nullable(),
  fileName: z.string().nullable(),
  state: z.enum(["PENDING", "SENDING", "UNKNOWN", "SENT", "FAILED"]),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  /** The AppError code and parameters of lastError, worded by the browser in its language (null on rows from before). */
  lastErrorCode: z.string().nullable(),
  lastErrorParams: z.record(z.string(), z.unknown()).nullable(),
  /** Set once SENT and the message was found in Ozon's history. */
  ozonMessageId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** The row's last change: of two views of one row, the later is the truth. */
  updatedAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type OutboxView = z.infer<typeof outboxViewSchema>;

export function toOutboxView(row: OutboxMessage): OutboxView {
  return {
    id: row.id,
    clientId: row.clientId,
    chatId: row.chatId,
    kind: row.kind,
    text: row.text,
    fileName: row.fileName,
    state: row.state,
    attempts: row.attempts,
    lastError: row.lastError,
    lastErrorCode: row.lastErrorCode,
    lastErrorParams: isJsonObject(row.lastErrorParams) ? row.lastErrorParams : null,
    ozonMessageId: row.ozonMessageId?.toString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

function isJsonObject(value: Prisma.JsonValue | null): value is Prisma.JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
