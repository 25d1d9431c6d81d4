import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { checkChatFile, normalizeBase64, type OzonConnection } from "@/lib/ozon";
import { claimOutboxMessage } from "./claim-outbox-message";
import { createOutboxRow } from "./create-outbox-row";
import { deliverOutboxMessage } from "./deliver-outbox-message";
import { findAccountChat } from "./find-account-chat";
import { requiredString } from "./required-string";
import { outboxOutcomeSchema, toOutboxOutcome, type OutboxOutcome } from "./outbox-outcome";

/** 10 MiB decoded is about 13.4 MiB of base64, plus the JSON around it. */
export const SEND_CHAT_FILE_MAX_BODY_BYTES = 14 * 1024 * 1024;

export const sendChatFileRequestSchema = z.object({
  clientId: requiredString("clientId")
    .trim()
    .min(1, { error: "clientId is required" })
    .max(100, { error: "clientId must be at most 100 characters" }),
  /** With its extension: jpg, jpeg, png, gif, webp, heic (shown as images) or pdf. */
  name: requiredString("name").trim().min(1, { error: "name is required" }).max(255, { error: "name must be at most 255 characters" }),
  /** Plain base64 (a data: URL prefix is accepted); at most 10 MiB decoded. */
  base64Content: requiredString("base64Content"),
});
export type SendChatFileRequest = z.input<typeof sendChatFileRequestSchema>;

export const sendChatFileResponseSchema = outboxOutcomeSchema;
export type SendChatFileResponse = OutboxOutcome;

/** Sends a file to a chat through the outbox, like sendChatMessage; the bytes are kept until Ozon has them. */
export async function sendChatFile(
  db: Db,
  connection: OzonConnection,
  target: { accountId: string; chatId: string; userId: string },
  request: SendChatFileRequest,
): Promise<SendChatFileResponse> {
  const { clientId, name, base64Content } = sendChatFileRequestSchema.parse(request);
  const check = checkChatFile({ name, base64Content });
  if (!check.ok) throw new ApiError(400, "invalid_input", check.message);
  const chat = await findAccountChat(db, target.accountId, target.chatId);

  const { row, created } = await createOutboxRow(db, {
    accountId: target.accountId,
    chatId: chat.id,
    clientId,
    userId: target.userId,
    kind: "FILE",
    fileName: name,
    fileContent: new Uint8Array(Buffer.from(normalizeBase64(base64Content), "base64")),
  });
  if (!created) {
    if (row.chatId !== chat.id || row.kind !== "FILE" || row.fileName !== name) {
      throw new ApiError(409, "conflict", "This clientId was already used for a different message; use a new one.");
    }
    return toOutboxOutcome(db, row);
  }

  const claimed = await claimOutboxMessage(db, row.id, ["PENDING"]);
  if (!claimed) return toOutboxOutcome(db, await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } }));
  return deliverOutboxMessage(db, connection, claimed, chat);
}
