/**
 * File rules for /v1/chat/send/file, checked before the wire (pure; the UI and routes reuse them).
 * Ozon documents NO size or type limit for chat files; these are OUR limits (shared with the emulator,
 * see docs/ozon-wire-decisions.md) [inf: our guess at what real Ozon accepts]: extensions jpg, jpeg, png, gif, webp, pdf, heic
 * (case-insensitive), at most 10 MiB decoded. Surface Ozon's own 400 message if it is stricter.
 */
import { OzonApiError } from "./errors";

export const CHAT_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const CHAT_FILE_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp", "pdf", "heic"] as const;

/** Lower-case extension of a file name, or "" when there is none. */
function fileExtension(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1).toLowerCase() : "";
}

export function isAllowedChatFileName(name: string): boolean {
  return (CHAT_FILE_EXTENSIONS as readonly string[]).includes(fileExtension(name));
}

/** Strips an optional `data:...;base64,` prefix and whitespace: Ozon wants plain base64. */
export function normalizeBase64(content: string): string {
  return content.replace(/^data:[^,]*;base64,/i, "").replace(/\s+/g, "");
}

/** Decoded size of a (normalised) base64 string, or null when it is not valid base64. */
export function base64DecodedBytes(b64: string): number | null {
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) return null;
  const padding = b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0;
  return (b64.length / 4) * 3 - padding;
}

export type ChatFileProblem = "no_name" | "type" | "not_base64" | "missing" | "empty" | "too_large";

export type ChatFileCheck = { ok: true; bytes: number } | { ok: false; problem: ChatFileProblem; message: string; sizeMiB?: string };

/**
 * Checks a file before upload. Pass `base64Content` (what the API takes) or `sizeBytes` (e.g. a browser
 * File's size, before encoding).
 */
export function checkChatFile(file: { name: string; base64Content?: string; sizeBytes?: number }): ChatFileCheck {
  const name = typeof file.name === "string" ? file.name.trim() : "";
  if (!name) return { ok: false, problem: "no_name", message: "The file has no name." };
  if (!isAllowedChatFileName(name))
    return {
      ok: false,
      problem: "type",
      message: `This file type cannot be sent to an Ozon chat; allowed: ${CHAT_FILE_EXTENSIONS.join(", ")}.`,
    };
  let bytes: number;
  if (file.base64Content !== undefined) {
    const decoded = base64DecodedBytes(normalizeBase64(file.base64Content));
    if (decoded === null) return { ok: false, problem: "not_base64", message: "The file content is not valid base64." };
    bytes = decoded;
  } else if (file.sizeBytes !== undefined) {
    bytes = file.sizeBytes;
  } else {
    return { ok: false, problem: "missing", message: "The file content is missing." };
  }
  if (bytes <= 0) return { ok: false, problem: "empty", message: "The file is empty." };
  if (bytes > CHAT_FILE_MAX_BYTES)
    return { ok: false, problem: "too_large", sizeMiB: formatMiB(bytes), message: `The file is too large: at most 10 MiB can be sent (this one is ${formatMiB(bytes)} MiB).` };
  return { ok: true, bytes };
}

function formatMiB(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/** Throws OzonApiError kind "invalid_input" (status 0, no network) when the file breaks a rule. */
export function validateChatFile(file: { name: string; base64Content?: string; sizeBytes?: number }): void {
  const r = checkChatFile(file);
  if (!r.ok) throw new OzonApiError({ kind: "invalid_input", status: 0, attempts: 0, message: r.message });
}
