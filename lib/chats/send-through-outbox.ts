import type { Db } from "@/lib/db/client";
import type { OutboxMessage } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import type { OzonConnection } from "@/lib/ozon";
import { claimOutboxMessage } from "./claim-outbox-message";
import { createOutboxRow } from "./create-outbox-row";
import { deliverOutboxMessage } from "./deliver-outbox-message";
import { findAccountChat } from "./find-account-chat";
import { toOutboxOutcome, type OutboxOutcome } from "./outbox-outcome";
import { requiredString } from "./required-string";

/** The browser's temporary id of a message: a repeated POST with it does not send twice. */
export const outboxClientIdSchema = requiredString("clientId")
  .trim()
  .min(1, { error: "clientId is required" })
  .max(100, { error: "clientId must be at most 100 characters" });

export type OutboxContent =
  | { kind: "TEXT"; text: string }
  | { kind: "FILE"; fileName: string; fileContent: Uint8Array<ArrayBuffer> };

/**
 * What sendChatMessage and sendChatFile share, once their content is checked: the outbox row is written first (so
 * nothing typed is lost and a repeated POST finds it), then sent once, then recorded (see deliverOutboxMessage).
 */
export async function sendThroughOutbox(
  db: Db,
  connection: OzonConnection,
  target: { accountId: string; chatId: string; userId: string },
  clientId: string,
  content: OutboxContent,
): Promise<OutboxOutcome> {
  const chat = await findAccountChat(db, target.accountId, target.chatId);
  const { row, created } = await createOutboxRow(db, { accountId: target.accountId, chatId: chat.id, clientId, userId: target.userId, ...content });
  if (!created) {
    // A repeated POST answers what became of the first one; the same clientId for other content is a mistake.
    if (row.chatId !== chat.id || !hasContent(row, content)) {
      throw new ApiError(409, "conflict", "This clientId was already used for a different message; use a new one.");
    }
    return toOutboxOutcome(db, row);
  }
  const claimed = await claimOutboxMessage(db, row.id, ["PENDING"]);
  if (!claimed) return toOutboxOutcome(db, await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } }));
  return deliverOutboxMessage(db, connection, claimed, chat);
}

function hasContent(row: OutboxMessage, content: OutboxContent): boolean {
  return content.kind === "TEXT" ? row.kind === "TEXT" && row.text === content.text : row.kind === "FILE" && row.fileName === content.fileName;
}
