import type { z } from "zod";
import { ApiError } from "./api-error";
import { readLimitedText } from "./read-limited-text";

export const DEFAULT_MAX_JSON_BYTES = 64 * 1024;

function tooLarge(maxBytes: number): ApiError {
  const size = maxBytes >= 1024 * 1024 ? `${Math.floor(maxBytes / (1024 * 1024))} MiB` : `${Math.floor(maxBytes / 1024)} KiB`;
  return new ApiError(413, "payload_too_large", `The request is too large: at most ${size} is accepted.`);
}

/**
 * A request's JSON body, checked against `schema`. 413 payload_too_large when Content-Length or the bytes actually
 * sent exceed `maxBytes` (reading stops there); 400 invalid_input for an empty or non-JSON body; a schema failure
 * is thrown as the ZodError, which errorResponse answers as 400 naming the field.
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  { maxBytes = DEFAULT_MAX_JSON_BYTES }: { maxBytes?: number } = {},
): Promise<z.output<S>> {
  const text = await readLimitedText(request, maxBytes);
  if (text === null) throw tooLarge(maxBytes);
  if (text.trim() === "") throw new ApiError(400, "invalid_input", "The request has no body: send the details as JSON.");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_input", "The request body is not valid JSON.");
  }
  const result = schema.safeParse(json);
  if (!result.success) throw result.error;
  return result.data;
}
