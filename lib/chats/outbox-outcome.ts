import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { OutboxMessage } from "@/lib/db/generated/client";
import { messageViewSchema, toMessageView } from "@/lib/cache/message-view";
import { outboxViewSchema, toOutboxView } from "@/lib/cache/outbox-view";

/** What a send or a retry answers: the outbox row, and the cached message it became once SENT and found. */
export const outboxOutcomeSchema = z.object({
  outbox: outboxViewSchema,
  message: messageViewSchema.nullable(),
});
export type OutboxOutcome = z.infer<typeof outboxOutcomeSchema>;

export async function toOutboxOutcome(db: Db, row: OutboxMessage): Promise<OutboxOutcome> {
  const message =
    row.state === "SENT" && row.ozonMessageId !== null
      ? await db.message.findUnique({
          where: { chatId_ozonMessageId: { chatId: row.chatId, ozonMessageId: row.ozonMessageId } },
          include: { sentBy: { select: { id: true, name: true } } },
        })
      : null;
  return { outbox: toOutboxView(row), message: message ? toMessageView(message) : null };
}
