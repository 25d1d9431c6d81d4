import { CHAT_FILE_MAX_BYTES, isAllowedChatFileName } from "@/lib/ozon/validate-chat-file";

export type AttachmentProblem = { problem: "type" } | { problem: "size"; mib: string } | { problem: "empty" };

/** Ozon's (our) file limits, checked in the browser before reading the file: returns the problem, or null. */
export function checkAttachment(file: { name: string; size: number }): AttachmentProblem | null {
  if (!isAllowedChatFileName(file.name)) return { problem: "type" };
  if (file.size <= 0) return { problem: "empty" };
  if (file.size > CHAT_FILE_MAX_BYTES) return { problem: "size", mib: (file.size / (1024 * 1024)).toFixed(1) };
  return null;
}
