import type { z } from "zod";
import { makeJsonStorable } from "@/lib/text/make-json-storable";
import { AppError } from "@/lib/errors/app-error";
import { readLimitedText } from "./read-limited-text";

const DEFAULT_MAX_JSON_BYTES = 64 * 1024;

function tooLarge(maxBytes: number): AppError {
  const size = maxBytes >= 1024 * 1024 ? `${Math.floor(maxBytes / (1024 * 1024))} MiB` : `${Math.floor(maxBytes / 1024)} KiB`;
  return new AppError("payload_too_large", { limit: size });
}

/**
 * Only `application/json` (parameters such as charset allowed): the types a page may send cross-site without a CORS
 * preflight (text/plain, form encodings) are refused with 415, so a plain form or a no-cors fetch never reaches a
 * JSON handler even if the origin check were bypassed.
 */
function assertJsonContentType(request: Request): void {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new AppError("unsupported_media_type");
  }
}

/**
 * A request's JSON body, checked against `schema`. 413 payload_too_large when Content-Length or the bytes actually
 * sent exceed `maxBytes` (reading stops there); 415 unsupported_media_type unless Content-Type is application/json; 400 invalid_input for an empty or non-JSON body; a schema failure
 * is thrown as the ZodError, which errorResponse answers as 400 naming the field.
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  { maxBytes = DEFAULT_MAX_JSON_BYTES }: { maxBytes?: number } = {},
): Promise<z.output<S>> {
  assertJsonContentType(request);
  const text = await readLimitedText(request, maxBytes);
  if (text === null) throw tooLarge(maxBytes);
  if (text.trim() === "") throw new AppError("body_missing");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("body_not_json");
  }
  // Text PostgreSQL refuses (NUL, lone surrogates) becomes U+FFFD before any handler stores or compares it.
  const result = schema.safeParse(makeJsonStorable(json));
  if (!result.success) throw result.error;
  return result.data;
}
