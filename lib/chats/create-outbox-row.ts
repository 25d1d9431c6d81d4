import type { Db } from "@/lib/db/client";
import type { OutboxKind, OutboxMessage } from "@/lib/db/generated/client";

export type NewOutboxRow = {
  accountId: string;
  chatId: string;
  clientId: string;
  userId: string;
  kind: OutboxKind;
  text?: string;
  fileName?: string;
  fileContent?: Uint8Array<ArrayBuffer>;
};

/**
 * Writes the outbox row before anything goes to Ozon, PENDING. (accountId, clientId) is unique, so a repeated
 * POST — even a concurrent one — gets the existing row back (`created: false`) instead of a second send.
 */
export async function createOutboxRow(db: Db, input: NewOutboxRow): Promise<{ row: OutboxMessage; created: boolean }> {
  const key = { accountId_clientId: { accountId: input.accountId, clientId: input.clientId } };
  const existing = await db.outboxMessage.findUnique({ where: key });
  if (existing) return { row: existing, created: false };
  try {
    const row = await db.outboxMessage.create({
      data: {
        accountId: input.accountId,
        chatId: input.chatId,
        clientId: input.clientId,
        userId: input.userId,
        kind: input.kind,
        text: input.text ?? null,
        fileName: input.fileName ?? null,
        fileContent: input.fileContent ?? null,
        state: "PENDING",
      },
    });
    return { row, created: true };
  } catch (error) {
    if ((error as { code?: unknown }).code !== "P2002") throw error;
    return { row: await db.outboxMessage.findUniqueOrThrow({ where: key }), created: false };
  }
}
