import type { OutboxMessage } from "@/lib/db/generated/client";
import type { OzonChatMessage } from "@/lib/ozon";

// Ozon may normalise line endings and surrounding blanks; the words themselves must be the same.
const normalizeText = (text: string) => text.replace(/\r\n?/g, "\n").trim();

/**
 * Whether a message of Ozon's has the content of an outbox row: the same text, or for a file a markdown link or
 * image named like the file ([name](url) or ![name](url)). Ozon's send answers carry no id, so this (bounded by
 * the chat's newest id kept before the send, and only among the seller's messages) is how a sent row finds its
 * message, on the server, once; the browser then goes by the client id.
 */
export function matchesOutboxMessage(message: OzonChatMessage, row: Pick<OutboxMessage, "kind" | "text" | "fileName">): boolean {
  const content = message.data.join("\n");
  if (row.kind === "TEXT") return row.text !== null && normalizeText(content) === normalizeText(row.text);
  return row.fileName !== null && content.includes(`[${row.fileName.trim()}](`);
}
