import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { CHAT_FILE_EXTENSIONS, checkChatFile, normalizeBase64, type OzonConnection } from "@/lib/ozon";
import type { OutboxOutcome } from "./outbox-outcome";
import { requiredString } from "./required-string";
import { outboxClientIdSchema, sendThroughOutbox } from "./send-through-outbox";

/** 10 MiB decoded is about 13.4 MiB of base64, plus the JSON around it. */
export const SEND_CHAT_FILE_MAX_BODY_BYTES = 14 * 1024 * 1024;

export const sendChatFileRequestSchema = z.object({
  clientId: outboxClientIdSchema,
  /** With its extension: jpg, jpeg, png, gif, webp, heic (shown as images) or pdf. */
  name: requiredString("name").trim().min(1, { error: "name is required" }).max(255, { error: "name must be at most 255 characters" }),
  /** Plain base64 (a data: URL prefix is accepted); at most 10 MiB decoded. */
  base64Content: requiredString("base64Content"),
});
export type SendChatFileRequest = z.input<typeof sendChatFileRequestSchema>;

export type SendChatFileResponse = OutboxOutcome;

/** Sends a file to a chat through the outbox (see sendThroughOutbox); the bytes are kept until Ozon has them. */
export async function sendChatFile(
  db: Db,
  connection: OzonConnection,
  target: { accountId: string; chatId: string; userId: string },
  request: SendChatFileRequest,
): Promise<SendChatFileResponse> {
  const { clientId, name, base64Content } = sendChatFileRequestSchema.parse(request);
  const check = checkChatFile({ name, base64Content });
  if (!check.ok) throw new AppError("chat_file_invalid", { problem: check.problem, extensions: [...CHAT_FILE_EXTENSIONS], sizeMiB: check.sizeMiB });
  return sendThroughOutbox(db, connection, target, clientId, {
    kind: "FILE",
    fileName: name,
    fileContent: new Uint8Array(Buffer.from(normalizeBase64(base64Content), "base64")),
  });
}
