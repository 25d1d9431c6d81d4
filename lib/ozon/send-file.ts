/** POST /v1/chat/send/file — NOT idempotent: never retried; an ambiguous failure has outcomeUnknown. */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { ozonRequest, parseRequest } from "./request";
import { normalizeBase64, validateChatFile } from "./validate-chat-file";

const SEND_FILE_PATH = "/v1/chat/send/file";

const sendFileRequestSchema = z.object({
  chat_id: z.string().min(1, { error: "chat_id is required" }),
  base64_content: z.string().min(1, { error: "base64_content is required" }),
  name: z.string().min(1, { error: "name is required" }),
});
export type SendFileRequest = z.input<typeof sendFileRequestSchema>;

const sendFileResponseSchema = z.object({ result: z.string().optional() }).transform((r) => ({
  result: r.result ?? "",
}));
export type SendFileResult = z.output<typeof sendFileResponseSchema>;

export type SendFileParams = {
  chatId: string;
  /** File name with extension (jpg, jpeg, png, gif, webp, pdf, heic). */
  name: string;
  /** Plain base64 (a `data:...;base64,` prefix is stripped) — or pass `content` bytes instead. */
  base64Content?: string;
  content?: Uint8Array;
};

/** Sends a file (JSON + base64, not multipart). Checked first: extension and at most 10 MiB (our limit). */
export async function sendFile(
  conn: OzonConnection,
  params: SendFileParams,
  opts?: OzonCallOptions,
): Promise<SendFileResult> {
  const base64 =
    params.base64Content !== undefined
      ? normalizeBase64(params.base64Content)
      : params.content !== undefined
        ? Buffer.from(params.content).toString("base64")
        : undefined;
  validateChatFile({ name: params.name, ...(base64 !== undefined ? { base64Content: base64 } : {}) });
  const body = parseRequest(
    sendFileRequestSchema,
    { chat_id: params.chatId, base64_content: base64, name: params.name.trim() },
    SEND_FILE_PATH,
  );
  return ozonRequest(conn, { path: SEND_FILE_PATH, body, schema: sendFileResponseSchema, idempotent: false }, opts);
}
